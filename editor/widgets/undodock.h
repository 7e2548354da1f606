// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QUndoStack;
class QUndoView;

namespace dt::editor {

/// The Undo History dock: every command of the document's undo stack; clicking one returns the
/// document to that state.
class UndoDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit UndoDock(QWidget *parent = nullptr);

    void setStack(QUndoStack *stack);
    QUndoView *view() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QUndoView *m_view;
};

} // namespace dt::editor
