// SPDX-License-Identifier: GPL-3.0-or-later
// The German and Brazilian Portuguese translations: the .ts files in translations/ are complete
// (no unfinished or empty entry), their compiled .qm files are embedded and load, and switching
// the language in Preferences (the dialog, answered like a user) translates every visible
// string of the main window: menus, actions (text, tool tip, status tip), dock and tool bar
// titles, view headers, labels, buttons, placeholders, combo box items, tabs and tool tips.
//
// A string counts as translated when it differs from the English one, or when the .ts file has
// a finished translation identical to its source (words that are the same in both languages,
// e.g. "Name" or "Status" in German: the translator confirmed them). A string missing from the
// .ts files stays English and fails the test.
#include "testsupport.h"
#include "tst_workbenchsupport.h"

#include "mainwindow.h"

#include "widgets/documentcontroller.h"
#include "widgets/languagemanager.h"
#include "widgets/preferencesdialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTranslator>
#include <QTreeView>
#include <QUndoView>
#include <QXmlStreamReader>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace dt;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString type; ///< the translation's type attribute ("unfinished", "vanished", ...)
    QStringList translations; ///< one, or the numerus forms
};

QString tsFile(const QString &language)
{
    return dt::test::sourceDir() + u"/translations/dtworkbench_"_s + language + u".ts"_s;
}

/// Reads the messages of a .ts file; *error is set when it cannot be read or parsed.
QList<TsMessage> readTs(const QString &fileName, QString *error)
{
    QList<TsMessage> messages;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QStringView name = xml.name();
            if (name == u"name" && !inMessage) {
                context = xml.readElementText();
            } else if (name == u"message") {
                inMessage = true;
                current = TsMessage();
                current.context = context;
            } else if (name == u"source" && inMessage) {
                current.source = xml.readElementText();
            } else if (name == u"translation" && inMessage) {
                current.type = xml.attributes().value(u"type"_s).toString();
                // Either text, or <numerusform> children.
                QString text;
                while (!xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters())
                        text += xml.text();
                    else if (xml.isStartElement() && xml.name() == u"numerusform")
                        current.translations << xml.readElementText();
                    else if (xml.isEndElement() && xml.name() == u"translation")
                        break;
                }
                if (current.translations.isEmpty())
                    current.translations << text;
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            inMessage = false;
            messages << current;
        }
    }
    if (xml.hasError())
        *error = u"%1:%2: %3"_s.arg(fileName).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

/// "&Open…" → "Open": how Qt derives tool tips and tool button texts from action texts.
QString stripped(QString text)
{
    text.remove(QRegularExpression(u"&(?!&)"_s));
    text.replace(u"&&"_s, u"&"_s);
    while (text.endsWith(u'…') || text.endsWith(u'.'))
        text.chop(1);
    return text.trimmed();
}

bool hasLetters(const QString &text)
{
    for (QChar c : text)
        if (c.isLetter())
            return true;
    return false;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tsFilesComplete_data();
    void tsFilesComplete();
    void embeddedTranslationsLoad_data();
    void embeddedTranslationsLoad();
    void visibleStringsTranslated_data();
    void visibleStringsTranslated();
    void cleanupTestCase();

private:
    /// Chooses a language in Preferences and presses OK.
    bool chooseLanguage(const QString &code);
    /// Every user-visible string of the window: key (object + property) → text.
    QMap<QString, QString> visibleStrings() const;

    QTemporaryDir m_dir;
    std::unique_ptr<workbench::MainWindow> m_window;
    dt::test::ModelTesters m_testers;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    workbench::WorkbenchOptions options;
    options.settingsFile = m_dir.filePath(u"settings.ini"_s);
    options.recoveryDir = m_dir.filePath(u"recovery"_s);
    options.noRestore = true;
    options.language = u"en"_s;
    m_window = std::make_unique<workbench::MainWindow>(options);
    m_window->documentController()->setShowErrors(false);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->startUp();
    m_testers.attach(m_window.get());
}

void TestTranslations::tsFilesComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << u"de"_s;
    QTest::newRow("pt_BR") << u"pt_BR"_s;
}

void TestTranslations::tsFilesComplete()
{
    QFETCH(QString, language);
    QString error;
    const QList<TsMessage> messages = readTs(tsFile(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!messages.isEmpty(), qPrintable(tsFile(language) + u" holds no message"_s));
    QStringList unfinished;
    int used = 0;
    for (const TsMessage &message : messages) {
        if (message.type == u"vanished" || message.type == u"obsolete")
            continue; // no longer in the sources: unused
        ++used;
        bool empty = false;
        for (const QString &text : message.translations)
            empty = empty || text.trimmed().isEmpty();
        if (message.type == u"unfinished" || empty)
            unfinished << u"%1: \"%2\""_s.arg(message.context, message.source);
    }
    QVERIFY(used > 0);
    QVERIFY2(unfinished.isEmpty(),
        qPrintable(u"%1 of %2 messages are unfinished in %3, e.g.\n  %4"_s.arg(unfinished.size())
                       .arg(used)
                       .arg(QFileInfo(tsFile(language)).fileName(),
                           unfinished.mid(0, 25).join(u"\n  "_s))));
}

void TestTranslations::embeddedTranslationsLoad_data()
{
    tsFilesComplete_data();
}

void TestTranslations::embeddedTranslationsLoad()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY2(translator.load(u":/i18n/dtworkbench_"_s + language + u".qm"_s),
        "the compiled translation is not embedded");
    QVERIFY(!translator.isEmpty());
}

bool TestTranslations::chooseLanguage(const QString &code)
{
    bool chosen = false;
    dt::test::ModalAnswer answer([&](QWidget *modal) {
        auto *dialog = qobject_cast<editor::PreferencesDialog *>(modal);
        if (!dialog) {
            dt::test::closeDialog(modal);
            return;
        }
        m_testers.attach(dialog);
        QComboBox *combo = dialog->languageCombo();
        const int row = combo->findData(code);
        auto *ok = dialog->findChild<QPushButton *>(u"okButton"_s);
        if (row < 0 || !ok) {
            m_testers.detach(dialog);
            dialog->reject();
            return;
        }
        combo->setCurrentIndex(row);
        chosen = true;
        m_testers.detach(dialog);
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    QAction *preferences = m_window->findChild<QAction *>(u"actionPreferences"_s);
    EC_CHECK(preferences && preferences->isEnabled(), u"no Preferences action"_s);
    preferences->trigger();
    EC_CHECK(answer.ran(), u"Preferences showed no dialog"_s);
    EC_CHECK(chosen, u"Preferences does not offer the language "_s + code);
    QCoreApplication::processEvents();
    EC_CHECK(m_window->languageManager()->language() == code,
        u"the language is %1, not %2"_s.arg(m_window->languageManager()->language(), code));
    return true;
}

QMap<QString, QString> TestTranslations::visibleStrings() const
{
    QMap<QString, QString> strings;
    const auto describe = [](const QObject *object) {
        QStringList parts;
        for (const QObject *o = object; o; o = o->parent()) {
            parts.prepend(o->objectName().isEmpty()
                    ? QString::fromLatin1(o->metaObject()->className())
                    : o->objectName());
        }
        return parts.join(u'/') + u'@' + QString::number(quintptr(object), 16);
    };
    const auto add = [&strings](const QString &key, const QString &text) {
        if (hasLetters(text))
            strings.insert(key, text);
    };

    add(u"window title"_s, m_window->windowTitle());
    const QList<QAction *> actions = m_window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (action->isSeparator())
            continue;
        const QString key = describe(action);
        add(key + u" text"_s, action->text());
        add(key + u" toolTip"_s, action->toolTip());
        add(key + u" statusTip"_s, action->statusTip());
        add(key + u" whatsThis"_s, action->whatsThis());
    }
    const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        const QString key = describe(widget);
        add(key + u" toolTip"_s, widget->toolTip());
        add(key + u" statusTip"_s, widget->statusTip());
        add(key + u" whatsThis"_s, widget->whatsThis());
        if (qobject_cast<const QDockWidget *>(widget) || qobject_cast<const QToolBar *>(widget))
            add(key + u" title"_s, widget->windowTitle());
        if (const auto *menu = qobject_cast<const QMenu *>(widget))
            add(key + u" title"_s, menu->title());
        if (const auto *label = qobject_cast<const QLabel *>(widget))
            add(key + u" text"_s, label->text());
        if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            add(key + u" text"_s, button->text());
        if (const auto *line = qobject_cast<const QLineEdit *>(widget))
            add(key + u" placeholder"_s, line->placeholderText());
        if (const auto *plain = qobject_cast<const QPlainTextEdit *>(widget))
            add(key + u" placeholder"_s, plain->placeholderText());
        if (const auto *group = qobject_cast<const QGroupBox *>(widget))
            add(key + u" title"_s, group->title());
        if (const auto *combo = qobject_cast<const QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                add(key + u" item %1"_s.arg(i), combo->itemText(i));
        }
        if (const auto *tabs = qobject_cast<const QTabWidget *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(key + u" tab %1"_s.arg(i), tabs->tabText(i));
        }
        if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(key + u" tab %1"_s.arg(i), tabs->tabText(i));
        }
        if (const auto *undo = qobject_cast<const QUndoView *>(widget))
            add(key + u" emptyLabel"_s, undo->emptyLabel());
        QList<const QHeaderView *> headers;
        if (const auto *tree = qobject_cast<const QTreeView *>(widget)) {
            if (!tree->isHeaderHidden())
                headers << tree->header();
        }
        if (const auto *table = qobject_cast<const QTableView *>(widget)) {
            headers << table->horizontalHeader();
            if (table->verticalHeader()->isVisible())
                headers << table->verticalHeader();
        }
        for (const QHeaderView *header : std::as_const(headers)) {
            const QAbstractItemModel *model = header->model();
            if (!model)
                continue;
            for (int section = 0; section < header->count(); ++section) {
                if (header->isSectionHidden(section))
                    continue;
                add(key + u" header %1"_s.arg(section),
                    model->headerData(section, header->orientation()).toString());
            }
        }
    }
    return strings;
}

void TestTranslations::visibleStringsTranslated_data()
{
    tsFilesComplete_data();
}

void TestTranslations::visibleStringsTranslated()
{
    QFETCH(QString, language);
    // Sources the translator deliberately left identical (finished, translation == source).
    QString error;
    const QList<TsMessage> messages = readTs(tsFile(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> identical;
    for (const TsMessage &message : messages) {
        if (!message.type.isEmpty())
            continue; // unfinished or unused
        for (const QString &text : message.translations) {
            if (text == message.source) {
                identical << message.source << stripped(message.source);
            }
        }
    }

    QVERIFY(chooseLanguage(u"en"_s));
    const QMap<QString, QString> english = visibleStrings();
    QVERIFY2(english.size() > 50, qPrintable(u"only %1 strings found"_s.arg(english.size())));

    QVERIFY(chooseLanguage(language));
    const QMap<QString, QString> translated = visibleStrings();
    QStringList untranslated;
    for (auto it = english.cbegin(); it != english.cend(); ++it) {
        const QString text = translated.value(it.key());
        if (text.isEmpty()) {
            untranslated << u"%1: \"%2\" disappeared"_s.arg(it.key(), it.value());
            continue;
        }
        if (text != it.value() || identical.contains(it.value())
            || identical.contains(stripped(it.value())))
            continue;
        untranslated << u"%1: \"%2\""_s.arg(it.key(), it.value());
    }
    QStringList samples;
    for (const QString &key : { u"window title"_s }) // plus the first menu titles below
        samples << u"\"%1\" → \"%2\""_s.arg(english.value(key), translated.value(key));
    for (auto it = english.cbegin(); it != english.cend() && samples.size() < 4; ++it)
        if (it.key().contains(u"menu"_s) && it.key().endsWith(u" title"_s))
            samples << u"\"%1\" → \"%2\""_s.arg(it.value(), translated.value(it.key()));
    qInfo("%s: %d visible strings checked, %d untranslated; e.g. %s", qPrintable(language),
        int(english.size()), int(untranslated.size()), qPrintable(samples.join(u", "_s)));
    // Back to English: every string returns (retranslation is complete both ways).
    QVERIFY(chooseLanguage(u"en"_s));
    const QMap<QString, QString> again = visibleStrings();

    QVERIFY2(untranslated.isEmpty(),
        qPrintable(u"untranslated in %1:\n  %2"_s.arg(language, untranslated.join(u"\n  "_s))));
    QStringList changed;
    for (auto it = english.cbegin(); it != english.cend(); ++it)
        if (again.value(it.key()) != it.value())
            changed << u"%1: \"%2\" → \"%3\""_s.arg(it.key(), it.value(), again.value(it.key()));
    QVERIFY2(changed.isEmpty(),
        qPrintable(
            u"not restored after switching back to English:\n  "_s + changed.join(u"\n  "_s)));
}

void TestTranslations::cleanupTestCase()
{
    if (!m_window)
        return;
    m_window->documentController()->setGuardAnswer(
        editor::DocumentController::GuardAnswer::Discard);
    m_window->close();
    m_testers.detach(m_window.get());
    m_window.reset();
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
