// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace dt::editor {

/// Preferences: the UI language (English, Deutsch, Português do Brasil, or the system's), the
/// autosave interval and the library folders. The dialog only edits values; the caller applies
/// and stores them.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    /// Language code ("en", "de", "pt_BR"); empty = the system's language.
    QString language() const;
    void setLanguage(const QString &code);
    int autosaveMinutes() const;
    void setAutosaveMinutes(int minutes);
    QStringList libraryFolders() const;
    void setLibraryFolders(const QStringList &folders);

    QComboBox *languageCombo() const { return m_language; }
    QSpinBox *autosaveSpin() const { return m_autosave; }
    QListWidget *libraryFolderList() const { return m_folders; }

private:
    void addFolder();
    void removeFolder();

    QComboBox *m_language;
    QSpinBox *m_autosave;
    QListWidget *m_folders;
    QPushButton *m_removeFolder;
};

} // namespace dt::editor
