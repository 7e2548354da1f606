// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/librariesdock.h"

#include "document/amldocument.h"
#include "models/librarymodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dt::editor {

LibrariesDock::LibrariesDock(QWidget *parent)
    : QDockWidget(parent)
    , m_model(new LibraryModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTreeView)
    , m_filter(new QLineEdit)
    , m_hint(new QLabel)
{
    setObjectName(u"librariesDock"_s);
    m_proxy->setObjectName(u"libraryFilterModel"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(LibraryModel::NameColumn);

    m_filter->setObjectName(u"libraryFilter"_s);
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_view->expandAll();
    });

    m_view->setObjectName(u"libraryView"_s);
    m_view->setModel(m_proxy);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformRowHeights(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(LibraryModel::NameColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(LibraryModel::NameColumn, 220);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &LibrariesDock::currentChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LibrariesDock::updateHint);

    m_hint->setObjectName(u"libraryLoadErrors"_s);
    m_hint->setWordWrap(true);
    m_hint->setVisible(false);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    layout->addWidget(m_hint);
    setWidget(content);
    retranslate();
}

void LibrariesDock::setDocument(AmlDocument *document)
{
    m_model->setDocument(document);
    m_view->expandToDepth(0);
    updateHint();
}

bool LibrariesDock::selectClassPath(const QString &path)
{
    const QModelIndex source = m_model->indexForClassPath(path);
    if (!source.isValid())
        return false;
    QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) {
        m_filter->clear();
        index = m_proxy->mapFromSource(source);
    }
    m_view->scrollTo(index);
    m_view->setCurrentIndex(index);
    return true;
}

void LibrariesDock::currentChanged()
{
    const QModelIndex index = m_proxy->mapToSource(m_view->currentIndex());
    if (!index.isValid() || index.data(LibraryModel::IsLibraryRole).toBool()) {
        Q_EMIT classSelected(model::ElementRef(), QString());
        return;
    }
    Q_EMIT classSelected(m_model->classRef(index), index.data(LibraryModel::KeyRole).toString());
}

void LibrariesDock::updateHint()
{
    const QStringList errors = m_model->loadErrors();
    m_hint->setVisible(!errors.isEmpty());
    m_hint->setText(errors.isEmpty() ? QString()
                                     : tr("Some libraries could not be loaded: %1")
                                           .arg(errors.join(u"; "_s)));
}

void LibrariesDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void LibrariesDock::retranslate()
{
    setWindowTitle(tr("Libraries"));
    m_filter->setPlaceholderText(tr("Filter classes"));
    m_view->setToolTip(tr("Drag a class onto the instance hierarchy to use it"));
    updateHint();
}

} // namespace dt::editor
