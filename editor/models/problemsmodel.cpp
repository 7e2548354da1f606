// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/problemsmodel.h"

#include "document/amldocument.h"

#include "model/resolver.h"
#include "model/validator.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace Qt::StringLiterals;

namespace dt::editor {

ProblemsModel::ProblemsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(400);
    connect(&m_debounce, &QTimer::timeout, this, &ProblemsModel::start);
}

ProblemsModel::~ProblemsModel() = default;

void ProblemsModel::setDocument(AmlDocument *document)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    beginResetModel();
    m_document = document;
    m_diagnostics.clear();
    m_keys.clear();
    ++m_generation;
    endResetModel();
    m_debounce.stop();
    if (!m_document)
        return;
    const auto changed = [this] {
        ++m_generation; // a running validation now describes an older state
        m_debounce.start();
    };
    m_connections << connect(m_document, &AmlDocument::contentChanged, this, changed);
    m_connections << connect(m_document, &AmlDocument::librariesChanged, this, changed);
    m_connections << connect(
        m_document, &AmlDocument::aboutToBeDestroyed, this, [this] { setDocument(nullptr); });
    refreshNow();
}

void ProblemsModel::setDebounceInterval(int ms)
{
    m_debounce.setInterval(ms);
}

void ProblemsModel::refreshNow()
{
    m_debounce.stop();
    start();
}

bool ProblemsModel::isBusy() const
{
    return m_running > 0 || m_debounce.isActive();
}

int ProblemsModel::errorCount() const
{
    return int(std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(),
        [](const model::Diagnostic &d) { return d.severity == model::Severity::Error; }));
}

int ProblemsModel::warningCount() const
{
    return int(std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(),
        [](const model::Diagnostic &d) { return d.severity == model::Severity::Warning; }));
}

void ProblemsModel::start()
{
    const AmlDocument *document = m_document;
    if (!document)
        return;
    // The document belongs to the GUI thread: the worker validates its own deep copy.
    auto copy = std::make_shared<model::CaexFile>(document->file());
    const QString base = document->baseDirectory();
    const QString fileName = document->fileName();
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<model::Diagnostics>(this);
    connect(
        watcher, &QFutureWatcher<model::Diagnostics>::finished, this, [this, watcher, generation] {
            --m_running;
            watcher->deleteLater();
            apply(generation, watcher->result());
        });
    ++m_running;
    watcher->setFuture(QtConcurrent::run([copy, base, fileName] {
        model::Resolver resolver(*copy, base);
        return model::Validator().validate(*copy, resolver, nullptr, fileName);
    }));
}

void ProblemsModel::apply(quint64 generation, const model::Diagnostics &diagnostics)
{
    const AmlDocument *document = m_document;
    if (generation != m_generation || !document)
        return; // stale: the document changed since this validation started
    beginResetModel();
    m_diagnostics = diagnostics;
    m_keys.clear();
    m_keys.reserve(m_diagnostics.size());
    for (const model::Diagnostic &diagnostic : std::as_const(m_diagnostics))
        m_keys << document->keyForIdOrPath(diagnostic.elementId);
    endResetModel();
    Q_EMIT refreshed();
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_diagnostics.size()))
        return {};
    const model::Diagnostic &diagnostic = m_diagnostics.at(index.row());
    const QString key = m_keys.value(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            switch (diagnostic.severity) {
            case model::Severity::Error:
                return tr("Error");
            case model::Severity::Warning:
                return tr("Warning");
            case model::Severity::Info:
                return tr("Info");
            }
            return {};
        case MessageColumn:
            return diagnostic.message;
        case ElementColumn:
            return key.isEmpty() || !m_document ? diagnostic.elementId : m_document->path(key);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return diagnostic.toString();
    case ElementKeyRole:
        return key;
    case SeverityRole:
        return int(diagnostic.severity);
    case ElementIdRole:
        return diagnostic.elementId;
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Message");
    case ElementColumn:
        return tr("Element");
    default:
        return {};
    }
}

} // namespace dt::editor
