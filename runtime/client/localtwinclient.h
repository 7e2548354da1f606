// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "twinclient.h"

#include "engine/runtimehost.h"
#include "engine/source.h"

#include <QPointer>

namespace dt::runtime {

/// TwinClient over an in-process RuntimeHost: every call is queued to the engine thread, every
/// answer and signal queued back, so the GUI never waits. Changes are made as `source`
/// (Source::local("workbench") unless set: the local operator, trusted like the model's owner).
class LocalTwinClient : public TwinClient
{
    Q_OBJECT

public:
    explicit LocalTwinClient(RuntimeHost *host, QObject *parent = nullptr);

    RuntimeHost *host() const { return m_host; }
    void setSource(const Source &source) { m_source = source; }
    const Source &source() const { return m_source; }

    bool isRunning() const override;
    QList<AttributeUpdate> currentValues() const override;
    QHash<QString, int> deviceStates() const override;
    void writeAttribute(const QString &path, const QString &attribute, const QString &value,
        Done done = {}) override;
    void invokeMethod(const QString &path, const QString &action, Done done = {}) override;
    void history(
        const QString &path, const QString &attribute, int n, HistoryCallback callback) override;
    void events(int n, EventsCallback callback) override;
    void snapshot(const QString &file, Done done = {}) override;

private:
    QPointer<RuntimeHost> m_host;
    Source m_source = Source::local(QStringLiteral("workbench"));
};

} // namespace dt::runtime
