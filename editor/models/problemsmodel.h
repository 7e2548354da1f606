// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/diagnostic.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

namespace dt::editor {

class AmlDocument;

/// The validator's diagnostics of a document, live: after each change (debounced) a deep copy
/// of the model is validated on a worker thread (QtConcurrent); results that arrive for an
/// older state are dropped. Columns Severity, Message, Element (path).
class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, MessageColumn, ElementColumn, ColumnCount };
    enum Role {
        ElementKeyRole = Qt::UserRole + 1, ///< the document key to jump to (may be empty)
        SeverityRole, ///< int model::Severity
        ElementIdRole, ///< the ID or path the validator named
    };

    explicit ProblemsModel(QObject *parent = nullptr);
    ~ProblemsModel() override;

    void setDocument(AmlDocument *document);
    AmlDocument *document() const { return m_document; }
    /// Delay after the last change before validating (default 400 ms).
    void setDebounceInterval(int ms);
    /// Starts a validation now (still off the GUI thread).
    void refreshNow();
    /// True while a validation runs or is scheduled.
    bool isBusy() const;
    int errorCount() const;
    int warningCount() const;
    const model::Diagnostics &diagnostics() const { return m_diagnostics; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A validation finished and the rows show its result.
    void refreshed();

private:
    void start();
    void apply(quint64 generation, const model::Diagnostics &diagnostics);

    QPointer<AmlDocument> m_document;
    QTimer m_debounce;
    quint64 m_generation = 0; ///< bumped on every change; a result must match it
    int m_running = 0;
    model::Diagnostics m_diagnostics;
    QStringList m_keys; ///< element key per row
    QList<QMetaObject::Connection> m_connections;
};

} // namespace dt::editor
