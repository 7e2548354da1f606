// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QLabel;
class QTableView;

namespace dt::editor {

class AmlDocument;
class ProblemsModel;

/// The Problems dock: the validator's findings for the document, refreshed live; a double click
/// selects the element concerned.
class ProblemsDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit ProblemsDock(QWidget *parent = nullptr);

    void setDocument(AmlDocument *document);
    ProblemsModel *problemsModel() const { return m_model; }
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void elementActivated(const QString &key);
    /// "2 errors, 1 warning" after each refresh.
    void summaryChanged(const QString &summary);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateSummary();

    ProblemsModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
};

} // namespace dt::editor
