// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace dt::workbench {

/// The connection state of each device of the running twin, for the status bar: a small
/// coloured label per device (green connected, amber connecting/backoff, red disconnected), or a
/// single "n of m connected" label when there are too many devices to list.
class DeviceStatusWidget : public QWidget
{
    Q_OBJECT

public:
    /// Up to this many devices get a label each.
    static constexpr int MaxLabels = 8;

    explicit DeviceStatusWidget(QWidget *parent = nullptr);

    /// The devices to show (name -> endpoint text), all disconnected; empty hides the widget.
    void setDevices(const QList<QPair<QString, QString>> &devices);
    void setState(const QString &device, int state, const QString &detail = QString());
    void clear();

    /// TwinClient's ConnectionState as int (0 disconnected .. 3 backoff), -1 for unknown devices.
    int state(const QString &device) const;
    QStringList devices() const { return m_order; }
    int connectedCount() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Device
    {
        QString endpoint;
        int state = 0;
        QString detail;
        QLabel *label = nullptr;
    };
    void updateLabel(const QString &name);
    void updateSummary();
    QString stateText(int state) const;

    QHBoxLayout *m_layout;
    QLabel *m_summary;
    QStringList m_order;
    QHash<QString, Device> m_devices;
};

} // namespace dt::workbench
