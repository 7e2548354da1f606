// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace dt::editor {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QStringList LanguageManager::availableLanguages()
{
    return {u"en"_s, u"de"_s, u"pt_BR"_s};
}

QString LanguageManager::nativeName(const QString &code)
{
    // Each language is named in itself, so a user lost in a foreign UI still finds their own.
    if (code == u"de")
        return u"Deutsch"_s;
    if (code == u"pt_BR")
        return u"Português do Brasil"_s;
    return u"English"_s;
}

QString LanguageManager::systemLanguage()
{
    const QLocale locale;
    if (locale.language() == QLocale::German)
        return u"de"_s;
    if (locale.language() == QLocale::Portuguese)
        return u"pt_BR"_s;
    return u"en"_s;
}

void LanguageManager::removeTranslators()
{
    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_appTranslator.reset();
    m_qtTranslator.reset();
}

bool LanguageManager::setLanguage(const QString &requested)
{
    const QString code = requested.isEmpty() ? systemLanguage() : requested;
    if (!availableLanguages().contains(code))
        return false;
    if (code == m_language && (code == u"en" || m_appTranslator))
        return true;

    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;
    if (code != u"en") {
        app = std::make_unique<QTranslator>();
        if (!app->load(u":/i18n/dtworkbench_"_s + code + u".qm"_s))
            return false;
        // Qt's own strings (standard dialog buttons); optional: not every system ships them.
        qt = std::make_unique<QTranslator>();
        if (!qt->load(u"qtbase_"_s + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            qt.reset();
    }
    removeTranslators();
    m_appTranslator = std::move(app);
    m_qtTranslator = std::move(qt);
    if (m_qtTranslator)
        QCoreApplication::installTranslator(m_qtTranslator.get());
    if (m_appTranslator)
        QCoreApplication::installTranslator(m_appTranslator.get());
    m_language = code;
    Q_EMIT languageChanged(code);
    return true;
}

} // namespace dt::editor
