// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace dt::runtime {
class TwinClient;
}

namespace dt::viewers {

class EventListModel;

/// The event list of a twin: a table of its events, newest first, with a text filter and a
/// clear button. Talks to the twin only through the TwinClient it is given.
class EventListWidget : public QWidget
{
    Q_OBJECT

public:
    explicit EventListWidget(QWidget *parent = nullptr);

    /// Follows a twin (nullptr: none); the list keeps what it shows until cleared.
    void setClient(runtime::TwinClient *client);
    EventListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateCount();

    EventListModel *m_model;
    QSortFilterProxyModel *m_filterModel;
    QTableView *m_view;
    QLineEdit *m_filter;
    QToolButton *m_clear;
    QLabel *m_count;
};

} // namespace dt::viewers
