// SPDX-License-Identifier: GPL-3.0-or-later
// Driving the editors of item views as a user does (tst_workbenchbuild): open the cell's editor,
// put the text in whatever widget the delegate made (combo box, check box, spin box, line edit),
// confirm with Enter and wait for the editor to close. Failures are QtTest failures (EC_CHECK).
#pragma once

#include "tst_workbenchsupport.h"

#include "widgets/attributedelegate.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPointer>
#include <QTest>

namespace dt::test {

inline bool fillEditor(QWidget *editor, const QString &text)
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (combo->isEditable()) {
            combo->setEditText(text);
            return true;
        }
        const int row = combo->findText(text);
        EC_CHECK(row >= 0,
            QStringLiteral("'%1' is not offered by the combo box (%2)")
                .arg(text, editor->objectName()));
        combo->setCurrentIndex(row);
        return true;
    }
    if (auto *check = qobject_cast<QCheckBox *>(editor)) {
        const bool wanted = dt::editor::AttributeDelegate::booleanValue(text);
        if (check->isChecked() != wanted)
            QTest::keyClick(check, Qt::Key_Space);
        EC_CHECK(check->isChecked() == wanted, QStringLiteral("the check box did not toggle"));
        return true;
    }
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(editor)) {
        spin->selectAll(); // the number only: prefix and suffix stay
        typeText(spin, text);
        return true;
    }
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->selectAll();
        if (text.isEmpty())
            QTest::keyClick(line, Qt::Key_Backspace);
        else
            typeText(line, text);
        EC_CHECK(line->text() == text,
            QStringLiteral("the line edit shows '%1', not '%2'").arg(line->text(), text));
        return true;
    }
    EC_CHECK(false,
        QStringLiteral("unexpected editor type ")
            + QLatin1StringView(editor->metaObject()->className()));
    return false;
}

inline bool commitEditor(QWidget *editor)
{
    // Enter, as a user confirms an edit; the delegate commits and closes the editor.
    QPointer<QWidget> guard(editor);
    QTest::keyClick(editor, Qt::Key_Return);
    EC_CHECK(QTest::qWaitFor([&guard]() { return guard.isNull(); }, 10000),
        QStringLiteral("the editor did not close after Enter"));
    return true;
}

inline bool typeIntoOpenEditor(QAbstractItemView *view, const QString &text)
{
    QWidget *editor = view->indexWidget(view->currentIndex());
    EC_CHECK(editor, QStringLiteral("no editor open in ") + view->objectName());
    return fillEditor(editor, text) && commitEditor(editor);
}

inline bool editCell(QAbstractItemView *view, const QModelIndex &index, const QString &text)
{
    EC_CHECK(index.isValid(), QStringLiteral("no cell to edit in ") + view->objectName());
    view->scrollTo(index);
    view->setCurrentIndex(index);
    view->edit(index);
    QWidget *editor = view->indexWidget(index);
    EC_CHECK(editor,
        QStringLiteral("no editor opened in %1 for '%2'")
            .arg(view->objectName(), index.data().toString()));
    return fillEditor(editor, text) && commitEditor(editor);
}

} // namespace dt::test
