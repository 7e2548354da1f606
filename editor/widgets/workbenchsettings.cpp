// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workbenchsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {
const QString LanguageKey = u"preferences/language"_s;
const QString AutosaveKey = u"preferences/autosaveMinutes"_s;
const QString LibraryFoldersKey = u"preferences/libraryFolders"_s;
const QString RecentFilesKey = u"recentFiles"_s;
const QString GeometryKey = u"window/geometry"_s;
const QString StateKey = u"window/state"_s;
const QString LastDirectoryKey = u"lastDirectory"_s;
} // namespace

WorkbenchSettings::WorkbenchSettings(QSettings *settings)
    : m_settings(settings)
{
}

QString WorkbenchSettings::language() const
{
    return m_settings->value(LanguageKey).toString();
}

void WorkbenchSettings::setLanguage(const QString &code)
{
    m_settings->setValue(LanguageKey, code);
}

int WorkbenchSettings::autosaveMinutes() const
{
    bool ok = false;
    const int minutes = m_settings->value(AutosaveKey, DefaultAutosaveMinutes).toInt(&ok);
    return ok && minutes >= 0 ? minutes : DefaultAutosaveMinutes;
}

void WorkbenchSettings::setAutosaveMinutes(int minutes)
{
    m_settings->setValue(AutosaveKey, qMax(0, minutes));
}

QStringList WorkbenchSettings::libraryFolders() const
{
    return m_settings->value(LibraryFoldersKey).toStringList();
}

void WorkbenchSettings::setLibraryFolders(const QStringList &folders)
{
    m_settings->setValue(LibraryFoldersKey, folders);
}

QStringList WorkbenchSettings::recentFiles() const
{
    return m_settings->value(RecentFilesKey).toStringList();
}

void WorkbenchSettings::addRecentFile(const QString &fileName)
{
    // Absolute, clean paths so that one file never appears twice under two spellings.
    const QString path = QDir::cleanPath(QFileInfo(fileName).absoluteFilePath());
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    m_settings->setValue(RecentFilesKey, files);
}

void WorkbenchSettings::removeRecentFile(const QString &fileName)
{
    QStringList files = recentFiles();
    files.removeAll(fileName);
    m_settings->setValue(RecentFilesKey, files);
}

void WorkbenchSettings::clearRecentFiles()
{
    m_settings->remove(RecentFilesKey);
}

QByteArray WorkbenchSettings::windowGeometry() const
{
    return m_settings->value(GeometryKey).toByteArray();
}

QByteArray WorkbenchSettings::windowState() const
{
    return m_settings->value(StateKey).toByteArray();
}

void WorkbenchSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(GeometryKey, geometry);
}

void WorkbenchSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(StateKey, state);
}

QString WorkbenchSettings::lastDirectory() const
{
    return m_settings->value(LastDirectoryKey).toString();
}

void WorkbenchSettings::setLastDirectory(const QString &directory)
{
    m_settings->setValue(LastDirectoryKey, directory);
}

void WorkbenchSettings::sync()
{
    m_settings->sync();
}

} // namespace dt::editor
