// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/attributeupdate.h"

#include "model/result.h"
#include "storage/historyrecord.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

namespace dt::runtime {

/// A running twin as the GUI, the viewers and external tools see it, whether it runs in this
/// process (LocalTwinClient) or behind a REST API (RemoteTwinClient, later). Never blocks:
/// queries answer through callbacks, called on the client's thread (and dropped if the client is
/// destroyed first); live changes arrive as signals on the client's thread.
///
/// Addresses are element paths relative to the (outermost) twin root, "Valve1"; "" is the root.
/// Attribute names are '/'-joined for nested attributes ("TorqueProfileOpen/P5").
class TwinClient : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Result<void> &)>;
    using HistoryCallback = std::function<void(const Result<QList<HistoryRecord>> &)>;
    using EventsCallback = std::function<void(const Result<QList<EventRecord>> &)>;

    using QObject::QObject;

    virtual bool isRunning() const = 0;
    /// Every attribute's value, quality and timestamp now (a cache: returns at once).
    virtual QList<AttributeUpdate> currentValues() const = 0;
    /// Device name -> connection state (0 disconnected, 1 connecting, 2 connected, 3 backoff).
    virtual QHash<QString, int> deviceStates() const = 0;

    /// Writes an attribute: to the device that feeds it, or into the model; done after the
    /// device confirmed (or refused).
    virtual void writeAttribute(
        const QString &path, const QString &attribute, const QString &value, Done done = {})
        = 0;
    /// Runs a Method component: invokeMethod("Valve1", "Open").
    virtual void invokeMethod(const QString &path, const QString &action, Done done = {}) = 0;
    /// Last n history records of an element (attribute empty: all of them), newest first.
    virtual void history(
        const QString &path, const QString &attribute, int n, HistoryCallback callback)
        = 0;
    /// Last n events, newest first.
    virtual void events(int n, EventsCallback callback) = 0;
    /// Writes the live model as CAEX 3.0 (values, and per attribute timestamp and quality).
    virtual void snapshot(const QString &file, Done done = {}) = 0;

    /// "disconnected", "connecting", "connected", "backoff" for deviceStateChanged's state.
    static QString deviceStateName(int state);

Q_SIGNALS:
    /// One attribute changed value or quality.
    void attributeChanged(const dt::runtime::AttributeUpdate &update);
    /// The same changes, batched as the engine produced them (one device read, one write):
    /// cheaper for views that repaint once per batch. Emitted before the single ones.
    void attributesChanged(const QList<dt::runtime::AttributeUpdate> &updates);
    void eventRaised(const dt::runtime::EventRecord &event);
    void deviceStateChanged(const QString &device, int state, const QString &detail);
    void runningChanged(bool running);
};

} // namespace dt::runtime
