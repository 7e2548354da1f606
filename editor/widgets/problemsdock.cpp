// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/problemsdock.h"

#include "document/amldocument.h"
#include "models/problemsmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dt::editor {

ProblemsDock::ProblemsDock(QWidget *parent)
    : QDockWidget(parent)
    , m_model(new ProblemsModel(this))
    , m_view(new QTableView)
    , m_summary(new QLabel)
{
    setObjectName(u"problemsDock"_s);
    m_view->setObjectName(u"problemsView"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    // One text line per row: the default height fits two on many styles.
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(ProblemsModel::SeverityColumn, 80);
    m_view->setColumnWidth(ProblemsModel::MessageColumn, 520);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString key = index.data(ProblemsModel::ElementKeyRole).toString();
        if (!key.isEmpty())
            Q_EMIT elementActivated(key);
    });
    connect(m_model, &ProblemsModel::refreshed, this, &ProblemsDock::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProblemsDock::updateSummary);

    m_summary->setObjectName(u"problemsSummary"_s);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_summary);
    layout->addWidget(m_view);
    setWidget(content);
    retranslate();
}

void ProblemsDock::setDocument(AmlDocument *document)
{
    m_model->setDocument(document);
    updateSummary();
}

void ProblemsDock::updateSummary()
{
    const QString summary = m_model->document()
        ? tr("%n error(s)", nullptr, m_model->errorCount()) + u", "_s
              + tr("%n warning(s)", nullptr, m_model->warningCount())
        : QString();
    m_summary->setText(summary);
    Q_EMIT summaryChanged(summary);
}

void ProblemsDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void ProblemsDock::retranslate()
{
    setWindowTitle(tr("Problems"));
    m_view->setToolTip(tr("Double-click a problem to select its element"));
    updateSummary();
}

} // namespace dt::editor
