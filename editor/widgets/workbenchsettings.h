// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QSettings;

namespace dt::editor {

/// Typed access to the workbench's QSettings: preferences, recent files and window state. Does
/// not own the QSettings (the window chooses the file, e.g. a test's temporary one).
class WorkbenchSettings
{
public:
    static constexpr int MaxRecentFiles = 10;
    static constexpr int DefaultAutosaveMinutes = 5;

    explicit WorkbenchSettings(QSettings *settings);

    /// "en", "de" or "pt_BR"; empty means the system language.
    QString language() const;
    void setLanguage(const QString &code);

    /// Minutes between autosaves to the recovery file; 0 turns autosave off.
    int autosaveMinutes() const;
    void setAutosaveMinutes(int minutes);

    /// Folders searched for library files (Import library starts there; New uses the first).
    QStringList libraryFolders() const;
    void setLibraryFolders(const QStringList &folders);

    QStringList recentFiles() const;
    /// Moves (or adds) a file to the top of the list, keeping at most MaxRecentFiles.
    void addRecentFile(const QString &fileName);
    void removeRecentFile(const QString &fileName);
    void clearRecentFiles();

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowGeometry(const QByteArray &geometry);
    void setWindowState(const QByteArray &state);

    /// The directory of the last file dialog, for the next one.
    QString lastDirectory() const;
    void setLastDirectory(const QString &directory);

    QSettings *settings() const { return m_settings; }
    void sync();

private:
    QSettings *m_settings;
};

} // namespace dt::editor
