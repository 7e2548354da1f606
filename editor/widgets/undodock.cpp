// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/undodock.h"

#include <QEvent>
#include <QUndoView>

using namespace Qt::StringLiterals;

namespace dt::editor {

UndoDock::UndoDock(QWidget *parent)
    : QDockWidget(parent)
    , m_view(new QUndoView)
{
    setObjectName(u"undoDock"_s);
    m_view->setObjectName(u"undoView"_s);
    setWidget(m_view);
    retranslate();
}

void UndoDock::setStack(QUndoStack *stack)
{
    m_view->setStack(stack);
}

void UndoDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void UndoDock::retranslate()
{
    setWindowTitle(tr("Undo History"));
    m_view->setEmptyLabel(tr("<original document>"));
}

} // namespace dt::editor
