// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class QTranslator;

namespace dt::editor {

/// Installs the workbench's translations (embedded under :/i18n) and Qt's own, and switches
/// them at runtime: widgets receive QEvent::LanguageChange and retranslate themselves.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    /// The codes offered in Preferences: "en", "de", "pt_BR".
    static QStringList availableLanguages();
    /// The language's own name ("Deutsch"), for the Preferences combo box.
    static QString nativeName(const QString &code);
    /// The supported language closest to the system locale ("en" when none fits).
    static QString systemLanguage();

    /// Switches to a language code; empty means the system language. Returns false (and keeps
    /// English) when the code is unknown or its translation cannot be loaded.
    bool setLanguage(const QString &code);
    /// The code in effect ("en" when untranslated).
    QString language() const { return m_language; }

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    void removeTranslators();

    QString m_language = QStringLiteral("en");
    std::unique_ptr<QTranslator> m_appTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
};

} // namespace dt::editor
