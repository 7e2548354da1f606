// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard/eventlistwidget.h"

#include "dashboard/eventlistmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dt::viewers {

EventListWidget::EventListWidget(QWidget *parent)
    : QWidget(parent)
    , m_model(new EventListModel(this))
    , m_filterModel(new QSortFilterProxyModel(this))
    , m_view(new QTableView)
    , m_filter(new QLineEdit)
    , m_clear(new QToolButton)
    , m_count(new QLabel)
{
    setObjectName(u"eventListWidget"_s);
    m_filterModel->setSourceModel(m_model);
    m_filterModel->setFilterKeyColumn(-1); // any column
    m_filterModel->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_view->setObjectName(u"eventsView"_s);
    m_view->setModel(m_filterModel);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(EventListModel::TimeColumn, 170);
    m_view->setColumnWidth(EventListModel::PathColumn, 200);
    m_view->setColumnWidth(EventListModel::EventColumn, 160);

    m_filter->setObjectName(u"eventsFilter"_s);
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_filterModel,
        &QSortFilterProxyModel::setFilterFixedString);
    m_clear->setObjectName(u"eventsClear"_s);
    connect(m_clear, &QToolButton::clicked, m_model, &EventListModel::clear);
    m_count->setObjectName(u"eventsCount"_s);

    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_filterModel, signal, this, &EventListWidget::updateCount);
    connect(m_filterModel, &QAbstractItemModel::modelReset, this, &EventListWidget::updateCount);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_count);
    bar->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    retranslate();
}

void EventListWidget::setClient(runtime::TwinClient *client)
{
    m_model->setClient(client);
}

void EventListWidget::updateCount()
{
    const int shown = m_filterModel->rowCount();
    const int all = m_model->rowCount();
    m_count->setText(shown == all ? tr("%n event(s)", nullptr, all)
                                  : tr("%1 of %n event(s)", nullptr, all).arg(shown));
}

void EventListWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EventListWidget::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter events"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Clear the list (the stored history keeps the events)"));
    updateCount();
}

} // namespace dt::viewers
