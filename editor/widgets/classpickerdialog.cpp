// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/classpickerdialog.h"

#include "document/amldocument.h"
#include "models/librarymodel.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dt::editor {

ClassPickerDialog::ClassPickerDialog(AmlDocument *document, int kind, QWidget *parent)
    : QDialog(parent)
    , m_model(new LibraryModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit)
    , m_view(new QTreeView)
    , m_buttons(new QDialogButtonBox)
{
    setObjectName(u"classPickerDialog"_s);
    setWindowTitle(kind == LibraryModel::RoleClasses ? tr("Choose a role class")
                                                    : tr("Choose an interface class"));
    m_model->setKindFilter(kind);
    m_model->setDocument(document);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(u"classPickerFilter"_s);
    m_filter->setPlaceholderText(tr("Filter classes"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_view->expandAll();
    });

    m_view->setObjectName(u"classPickerView"_s);
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->expandAll();
    m_view->setColumnWidth(LibraryModel::NameColumn, 260);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ClassPickerDialog::updateOk);
    connect(m_view, &QTreeView::doubleClicked, this, [this]() {
        if (!selectedPath().isEmpty())
            accept();
    });

    m_buttons->addButton(tr("OK"), QDialogButtonBox::AcceptRole)->setObjectName(u"okButton"_s);
    m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    layout->addWidget(m_buttons);
    resize(480, 420);
    updateOk();
}

QString ClassPickerDialog::selectedPath() const
{
    const QModelIndex index = m_proxy->mapToSource(m_view->currentIndex());
    if (!index.isValid() || index.data(LibraryModel::IsLibraryRole).toBool())
        return QString();
    return index.data(LibraryModel::ClassPathRole).toString();
}

void ClassPickerDialog::setSelectedPath(const QString &path)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForClassPath(path));
    if (index.isValid())
        m_view->setCurrentIndex(index);
}

void ClassPickerDialog::updateOk()
{
    const QList<QAbstractButton *> buttons = m_buttons->buttons();
    for (QAbstractButton *button : buttons) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(!selectedPath().isEmpty());
    }
}

} // namespace dt::editor
