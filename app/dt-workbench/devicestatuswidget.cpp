// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicestatuswidget.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace dt::workbench {

namespace {

constexpr int Connected = 2;

QString stateColor(int state)
{
    switch (state) {
    case Connected:
        return u"#2e7d32"_s;
    case 1: // connecting
    case 3: // backoff
        return u"#b26a00"_s;
    default:
        return u"#c62828"_s;
    }
}

/// The device's own name: "RefineryTwin/Valve1Modbus" -> "Valve1Modbus".
QString shortName(const QString &device)
{
    return device.section(u'/', -1);
}

} // namespace

DeviceStatusWidget::DeviceStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
    , m_summary(new QLabel)
{
    setObjectName(u"deviceStatus"_s);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(8);
    m_summary->setObjectName(u"deviceStatusSummary"_s);
    m_layout->addWidget(m_summary);
    m_summary->hide();
    hide();
}

void DeviceStatusWidget::setDevices(const QList<QPair<QString, QString>> &devices)
{
    clear();
    const bool labels = devices.size() <= MaxLabels;
    for (const auto &[name, endpoint] : devices) {
        if (m_devices.contains(name))
            continue;
        Device device;
        device.endpoint = endpoint;
        if (labels) {
            device.label = new QLabel;
            device.label->setObjectName(u"deviceStatusLabel"_s);
            device.label->setProperty("device", name);
            device.label->setTextFormat(Qt::RichText);
            m_layout->addWidget(device.label);
        }
        m_order.append(name);
        m_devices.insert(name, device);
        updateLabel(name);
    }
    m_summary->setVisible(!labels);
    setVisible(!m_devices.isEmpty());
    updateSummary();
}

void DeviceStatusWidget::clear()
{
    for (const Device &device : std::as_const(m_devices))
        delete device.label;
    m_devices.clear();
    m_order.clear();
    m_summary->hide();
    hide();
}

void DeviceStatusWidget::setState(const QString &name, int state, const QString &detail)
{
    const auto it = m_devices.find(name);
    if (it == m_devices.end())
        return;
    it->state = state;
    it->detail = detail;
    updateLabel(name);
    updateSummary();
}

int DeviceStatusWidget::state(const QString &device) const
{
    const auto it = m_devices.constFind(device);
    return it == m_devices.constEnd() ? -1 : it->state;
}

int DeviceStatusWidget::connectedCount() const
{
    int n = 0;
    for (const Device &device : m_devices)
        n += device.state == Connected ? 1 : 0;
    return n;
}

QString DeviceStatusWidget::stateText(int state) const
{
    switch (state) {
    case 0:
        return tr("disconnected");
    case 1:
        return tr("connecting");
    case Connected:
        return tr("connected");
    case 3:
        return tr("waiting to reconnect");
    default:
        return tr("unknown");
    }
}

void DeviceStatusWidget::updateLabel(const QString &name)
{
    const Device &device = m_devices[name];
    if (!device.label)
        return;
    device.label->setProperty("state", device.state);
    device.label->setText(u"<span style=\"color:%1\">\u25CF</span> %2"_s.arg(
        stateColor(device.state), shortName(name).toHtmlEscaped()));
    QString tip = u"%1\n%2: %3"_s.arg(name, device.endpoint, stateText(device.state));
    if (!device.detail.isEmpty() && device.state != Connected)
        tip += u"\n"_s + device.detail;
    device.label->setToolTip(tip);
}

void DeviceStatusWidget::updateSummary()
{
    if (m_devices.size() <= MaxLabels)
        return;
    const int connected = connectedCount();
    const int all = int(m_devices.size());
    m_summary->setText(
        u"<span style=\"color:%1\">\u25CF</span> %2"_s.arg(stateColor(connected == all ? Connected
                                                                   : connected == 0    ? 0
                                                                                       : 1),
            tr("%1 of %2 devices connected").arg(connected).arg(all)));
    QStringList down;
    for (const QString &name : std::as_const(m_order)) {
        if (m_devices[name].state != Connected && down.size() < 20)
            down.append(u"%1: %2"_s.arg(name, stateText(m_devices[name].state)));
    }
    m_summary->setToolTip(down.join(u'\n'));
}

void DeviceStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        for (const QString &name : std::as_const(m_order))
            updateLabel(name);
        updateSummary();
    }
    QWidget::changeEvent(event);
}

} // namespace dt::workbench
