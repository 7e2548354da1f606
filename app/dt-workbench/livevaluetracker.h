// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/attributeupdate.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <array>
#include <optional>

namespace dt::editor {
class AmlDocument;
}

namespace dt::workbench {

/// The live state of a running twin keyed the way the editor addresses elements: per document
/// key, the current value and quality of each attribute, and the element's quality (the worst of
/// its attributes and, for a communication component, of its connection). Maps the runtime's
/// element IDs (or instance paths, for elements without one) to keys of the open document.
class LiveValueTracker : public QObject
{
    Q_OBJECT

public:
    struct Value
    {
        QString value;
        runtime::Quality quality = runtime::Quality::Good;
        qint64 timestampMs = 0;
    };

    explicit LiveValueTracker(QObject *parent = nullptr);

    /// The document whose keys are used (the mapping is redone when it changes).
    void setDocument(editor::AmlDocument *document);
    /// Forgets everything (the twin stopped).
    void clear();

    void apply(const QList<runtime::AttributeUpdate> &updates);
    /// A device's connection: its element (found by instance path) is good only when connected.
    void setDeviceState(const QString &elementPath, bool connected);

    /// Live values of an element by attribute path ("Position", "TorqueProfileOpen/P5").
    QHash<QString, Value> values(const QString &key) const { return m_values.value(key); }
    /// The element's quality, or nothing when it has no live state.
    std::optional<runtime::Quality> elementQuality(const QString &key) const;
    /// Every key with live state.
    QList<QString> keys() const;

Q_SIGNALS:
    /// Attributes of one element changed value or quality (attribute paths).
    void valuesChanged(const QString &key, const QStringList &attributes);
    /// Element qualities may have changed (batched per apply()).
    void qualitiesChanged();

private:
    struct Element
    {
        std::array<int, 3> counts {}; ///< attributes per quality
    };
    QString keyFor(const runtime::AttributeUpdate &update);
    QString lookUp(const QString &idOrPath);
    /// Stores one update under its key; true when the element's quality counts changed.
    bool store(const QString &key, const runtime::AttributeUpdate &update);
    void rebuild();

    QPointer<editor::AmlDocument> m_document;
    QList<QMetaObject::Connection> m_connections;
    /// Edits of the tree change which key an ID or path names: remapped shortly after.
    QTimer m_remap;
    QHash<QString, QString> m_keyCache; ///< ID or path -> key ("" when unknown)
    QHash<QString, QHash<QString, Value>> m_values;
    QHash<QString, Element> m_elements;
    QHash<QString, bool> m_devices; ///< key -> connected
    /// The latest update per twin/path/attribute and device state per element path: what the
    /// keyed state is rebuilt from when another document is shown.
    QHash<QString, runtime::AttributeUpdate> m_latest;
    QHash<QString, bool> m_devicePaths;
};

} // namespace dt::workbench
