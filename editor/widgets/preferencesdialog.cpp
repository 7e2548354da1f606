// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/preferencesdialog.h"

#include "widgets/languagemanager.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dt::editor {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox)
    , m_autosave(new QSpinBox)
    , m_folders(new QListWidget)
    , m_removeFolder(new QPushButton)
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));

    m_language->setObjectName(u"languageCombo"_s);
    m_language->addItem(tr("System language"), QString());
    const QStringList languages = LanguageManager::availableLanguages();
    for (const QString &code : languages)
        m_language->addItem(LanguageManager::nativeName(code), code);

    m_autosave->setObjectName(u"autosaveSpin"_s);
    m_autosave->setRange(0, 120);
    m_autosave->setSuffix(tr(" min"));
    m_autosave->setSpecialValueText(tr("Off"));

    m_folders->setObjectName(u"libraryFolderList"_s);
    auto *add = new QPushButton(tr("Add…"));
    add->setObjectName(u"addLibraryFolder"_s);
    m_removeFolder->setText(tr("Remove"));
    m_removeFolder->setObjectName(u"removeLibraryFolder"_s);
    m_removeFolder->setEnabled(false);
    connect(add, &QPushButton::clicked, this, &PreferencesDialog::addFolder);
    connect(m_removeFolder, &QPushButton::clicked, this, &PreferencesDialog::removeFolder);
    connect(m_folders, &QListWidget::currentRowChanged, this,
            [this](int row) { m_removeFolder->setEnabled(row >= 0); });

    auto *folderButtons = new QVBoxLayout;
    folderButtons->addWidget(add);
    folderButtons->addWidget(m_removeFolder);
    folderButtons->addStretch();
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folders, 1);
    folderRow->addLayout(folderButtons);

    auto *form = new QFormLayout;
    form->addRow(tr("Language:"), m_language);
    auto *languageNote = new QLabel(tr("The new language applies at once to the main window."));
    languageNote->setWordWrap(true);
    form->addRow(QString(), languageNote);
    form->addRow(tr("Autosave every:"), m_autosave);
    form->addRow(tr("Library folders:"), folderRow);

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(tr("OK"), QDialogButtonBox::AcceptRole)->setObjectName(u"okButton"_s);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, 360);
}

QString PreferencesDialog::language() const
{
    return m_language->currentData().toString();
}

void PreferencesDialog::setLanguage(const QString &code)
{
    const int index = m_language->findData(code);
    m_language->setCurrentIndex(index >= 0 ? index : 0);
}

int PreferencesDialog::autosaveMinutes() const
{
    return m_autosave->value();
}

void PreferencesDialog::setAutosaveMinutes(int minutes)
{
    m_autosave->setValue(minutes);
}

QStringList PreferencesDialog::libraryFolders() const
{
    QStringList folders;
    for (int i = 0; i < m_folders->count(); ++i)
        folders.append(m_folders->item(i)->text());
    return folders;
}

void PreferencesDialog::setLibraryFolders(const QStringList &folders)
{
    m_folders->clear();
    m_folders->addItems(folders);
}

void PreferencesDialog::addFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Library folder"));
    if (folder.isEmpty())
        return;
    const QString clean = QDir::cleanPath(folder);
    if (!libraryFolders().contains(clean))
        m_folders->addItem(clean);
}

void PreferencesDialog::removeFolder()
{
    delete m_folders->takeItem(m_folders->currentRow());
}

} // namespace dt::editor
