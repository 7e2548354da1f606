// SPDX-License-Identifier: GPL-3.0-or-later
#include "deployplanner.h"

#include "componentkind.h"
#include "modelpaths.h"

#include "modbus/attributelookup.h"
#include "model/caexpath.h"
#include "model/caexreader.h"
#include "model/resolver.h"
#include "model/validator.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace dt::runtime {

namespace {

struct ElementInfo
{
    model::InternalElement *element = nullptr;
    model::InternalElement *parent = nullptr;
    QString instancePath;
};

QString storageText(const StorageConfig &config)
{
    switch (config.backend) {
    case StorageConfig::Backend::SQLite:
        return u"SQLite "_s + config.file;
    case StorageConfig::Backend::PostgreSQL:
        return u"PostgreSQL %1:%2/%3"_s.arg(config.host).arg(config.port).arg(config.database);
    case StorageConfig::Backend::MySQL:
        break;
    }
    return u"MySQL %1:%2/%3"_s.arg(config.host).arg(config.port).arg(config.database);
}

QString endpointText(const ModbusDeviceConfig &config)
{
    if (config.transport == ModbusDeviceConfig::Transport::Tcp)
        return u"tcp://%1:%2 unit %3"_s.arg(config.host).arg(config.port).arg(config.unitId);
    return u"rtu:%1 %2 baud unit %3"_s.arg(config.serialPort)
        .arg(config.baudRate)
        .arg(config.unitId);
}

class Planner
{
public:
    /// `validated`: IDs (paths without one) of the elements and interfaces the validator has
    /// already reported errors for; the planner does not report the same component again.
    Planner(DeployPlan &plan, model::Resolver &resolver, const DeployOptions &options,
        QSet<QString> validated)
        : m_plan(plan)
        , m_resolver(resolver)
        , m_options(options)
        , m_errors(plan.report.errors)
        , m_warnings(plan.report.warnings)
        , m_validated(std::move(validated))
    {
    }

    void run()
    {
        collectElements();
        findTwins();
        if (m_plan.twins.isEmpty()) {
            m_errors.append(u"the model has no DigitalTwin element: nothing to deploy"_s);
            return;
        }
        for (int t = 0; t < m_plan.twins.size(); ++t)
            planComponents(t);
        planLinks();
        for (int t = 0; t < m_plan.twins.size(); ++t)
            summarize(t);
    }

private:
    void collectElements()
    {
        for (model::InstanceHierarchy &ih : m_plan.file->instanceHierarchies) {
            const QString ihPath = model::CaexPath::escapeSegment(ih.name);
            for (model::InternalElement &e : ih.internalElements)
                collect(e, nullptr, joinPath(ihPath, model::CaexPath::escapeSegment(e.name)));
        }
    }

    void collect(model::InternalElement &e, model::InternalElement *parent, const QString &path)
    {
        m_index.insert(&e, int(m_elements.size()));
        m_elements.append({ &e, parent, path });
        for (model::InternalElement &child : e.internalElements)
            collect(child, &e, joinPath(path, model::CaexPath::escapeSegment(child.name)));
    }

    const ElementInfo *info(const model::InternalElement *e) const
    {
        const auto it = m_index.constFind(e);
        return it == m_index.constEnd() ? nullptr : &m_elements[*it];
    }

    const model::InternalElement *parentOf(const model::InternalElement *e) const
    {
        const ElementInfo *i = info(e);
        return i ? i->parent : nullptr;
    }

    QString instancePathOf(const model::InternalElement *e) const
    {
        const ElementInfo *i = info(e);
        return i ? i->instancePath : QString();
    }

    void findTwins()
    {
        for (const ElementInfo &ei : std::as_const(m_elements)) {
            const ComponentInfo ci = classifyComponent(*ei.element, m_resolver);
            if (ci.kind != ComponentKind::DigitalTwin)
                continue;
            if (!ei.parent) {
                m_errors.append(
                    u"DigitalTwin '%1' must be the child of the element it is the "
                    "twin of (the twin root), not directly in an InstanceHierarchy"_s.arg(
                        ei.instancePath));
                continue;
            }
            if (m_twinByRoot.contains(ei.parent)) {
                m_errors.append(u"element '%1' holds two DigitalTwin components; one twin root "
                                "has one twin"_s.arg(instancePathOf(ei.parent)));
                continue;
            }
            TwinPlan twin;
            twin.name = ei.element->name;
            twin.twinElement = ei.element;
            twin.root = ei.parent;
            twin.rootInstancePath = instancePathOf(ei.parent);
            m_twinByRoot.insert(ei.parent, int(m_plan.twins.size()));
            m_plan.twins.append(twin);
        }
        // Nested twins: the outer one leaves their subtrees to them and forwards to them; paths
        // seen by clients are relative to the outermost root.
        for (TwinPlan &twin : m_plan.twins) {
            const model::InternalElement *outer = twin.root;
            for (const model::InternalElement *p = parentOf(twin.root); p; p = parentOf(p)) {
                if (m_twinByRoot.contains(p))
                    outer = p;
            }
            twin.prefix = relativePath(outer, twin.root);
            for (const TwinPlan &other : std::as_const(m_plan.twins)) {
                if (other.root != twin.root && servingRootAbove(other.root) == twin.root)
                    twin.excluded.append(relativePath(twin.root, other.root));
            }
        }
    }

    // The nearest twin root strictly above e, or nullptr.
    const model::InternalElement *servingRootAbove(const model::InternalElement *e) const
    {
        for (const model::InternalElement *p = parentOf(e); p; p = parentOf(p)) {
            if (m_twinByRoot.contains(p))
                return p;
        }
        return nullptr;
    }

    // Index of the twin serving e (nearest twin root at or above e), or -1.
    int servingTwin(const model::InternalElement *e) const
    {
        for (const model::InternalElement *p = e; p; p = parentOf(p)) {
            const auto it = m_twinByRoot.constFind(p);
            if (it != m_twinByRoot.constEnd())
                return *it;
        }
        return -1;
    }

    QString relativePath(const model::InternalElement *root, const model::InternalElement *e) const
    {
        const QString rootPath = instancePathOf(root);
        const QString path = instancePathOf(e);
        return path == rootPath ? QString() : path.mid(rootPath.size() + 1);
    }

    // An attribute reference of a component, checked against the twin's own scope.
    std::optional<AttributeAddress> twinAttribute(
        const TwinPlan &twin, const QString &component, const QString &what, const QString &spec)
    {
        if (spec.isEmpty()) {
            m_errors.append(u"component '%1': %2 is empty"_s.arg(component, what));
            return std::nullopt;
        }
        std::optional<AttributeAddress> address = resolveAttributeSpec(*twin.root, spec);
        if (!address) {
            m_errors.append(
                u"component '%1': %2 '%3' names no attribute below twin root '%4'"_s.arg(
                    component, what, spec, twin.rootInstancePath));
            return std::nullopt;
        }
        for (const QString &ex : twin.excluded) {
            if (address->elementPath == ex || address->elementPath.startsWith(ex + u'/')) {
                m_errors.append(u"component '%1': %2 '%3' belongs to the nested twin at '%4'"_s.arg(
                    component, what, spec, ex));
                return std::nullopt;
            }
        }
        return address;
    }

    void planComponents(int t)
    {
        TwinPlan &twin = m_plan.twins[t];
        const QString dataDir = m_options.dataDir.isEmpty()
            ? QFileInfo(m_plan.fileName).absolutePath()
            : m_options.dataDir;
        for (model::InternalElement &c : twin.twinElement->internalElements) {
            const QString path = relativePath(twin.root, &c);
            const ComponentInfo ci = classifyComponent(c, m_resolver);
            QList<const model::Attribute *> inherited;
            if (Result<model::ElementRef> cls = m_resolver.systemUnitClass(c.refBaseSystemUnitPath))
                inherited = m_resolver.effectiveAttributes(*cls);
            const AttributeLookup attrs(c.attributes, inherited);
            switch (ci.kind) {
            case ComponentKind::SQLiteStorage:
            case ComponentKind::PostgreSQLStorage:
            case ComponentKind::MySQLStorage: {
                Result<StorageConfig> config = storageConfigFromElement(c, dataDir);
                if (!config) {
                    // The error names the storage element and the attribute.
                    m_errors.append(u"twin '%1': %2"_s.arg(twin.name, config.error()));
                } else if (twin.storage) {
                    m_errors.append(u"twin '%1' has two storage components ('%2' and '%3'); "
                                    "keep one"_s.arg(twin.name, twin.storageName, path));
                } else {
                    twin.storage = config.takeValue();
                    twin.storageName = path;
                }
                break;
            }
            case ComponentKind::ModbusTCPClient:
            case ComponentKind::ModbusRTUClient: {
                Result<ModbusDeviceConfig> config = modbusDeviceFromElement(c, m_resolver);
                if (!config) {
                    reportUnlessValidated(c,
                        u"device '%1': bad register map or connection: %2"_s.arg(
                            path, config.error()));
                    break;
                }
                if (Result<void> ok = validateDeviceConfig(*config); !ok) {
                    reportUnlessValidated(c, u"device '%1': %2"_s.arg(path, ok.error()));
                    break;
                }
                DevicePlan device;
                device.componentName = c.name;
                device.componentPath = path;
                device.config = config.takeValue();
                device.config.name = path;
                m_deviceByElement.insert(&c, { t, int(twin.devices.size()) });
                twin.devices.append(device);
                break;
            }
            case ComponentKind::ThresholdEvent:
            case ComponentKind::ChangeEvent:
                planEvent(twin, c, path, ci.kind, attrs);
                break;
            case ComponentKind::Method:
                planMethod(twin, path, attrs);
                break;
            case ComponentKind::AccessControl: {
                Result<AccessControl> ac = AccessControl::fromElement(c);
                if (!ac) {
                    m_errors.append(ac.error());
                } else if (twin.access) {
                    m_errors.append(
                        u"twin '%1' has two AccessControl components; keep one"_s.arg(twin.name));
                } else {
                    m_warnings.append(ac->warnings());
                    twin.access = ac.takeValue();
                }
                break;
            }
            case ComponentKind::RestAPI:
            case ComponentKind::HtmlView:
            case ComponentKind::WatchDog:
            case ComponentKind::Collada3DView:
            case ComponentKind::Dashboard:
            case ComponentKind::MQTTClient:
                m_inactive[t].append(u"%1 (%2)"_s.arg(path, componentKindName(ci.kind)));
                m_warnings.append(u"component '%1' (%2) is not active in this build"_s.arg(
                    path, componentKindName(ci.kind)));
                break;
            case ComponentKind::DigitalTwin:
                m_errors.append(u"component '%1' is a DigitalTwin inside twin '%2'; nest twins "
                                "under their own device elements instead"_s.arg(path, twin.name));
                break;
            case ComponentKind::Unknown:
                if (!ci.role.isEmpty() && ci.role != "PhysicalDeviceModel"_L1) {
                    reportUnlessValidated(c,
                        u"component '%1' plays role '%2' but its class '%3' is not a "
                        "component this runtime knows"_s.arg(path, ci.role, ci.className));
                } else {
                    m_warnings.append(u"element '%1' under twin '%2' is not a DigitalTwin "
                                      "component; ignored"_s.arg(path, twin.name));
                }
                break;
            }
        }
    }

    void planEvent(TwinPlan &twin, const model::InternalElement &c, const QString &path,
        ComponentKind kind, const AttributeLookup &attrs)
    {
        EventPlan event;
        event.name = c.name;
        event.kind = kind == ComponentKind::ThresholdEvent ? EventPlan::Kind::Threshold
                                                           : EventPlan::Kind::Change;
        const std::optional<AttributeAddress> address = twinAttribute(
            twin, path, u"Attribute"_s, attrs.text(u"Attribute").value_or(QString()));
        if (!address)
            return;
        event.elementPath = address->elementPath;
        event.attribute = address->attribute;
        if (event.kind == EventPlan::Kind::Threshold) {
            const QString condition = attrs.text(u"Condition").value_or(u">"_s);
            const std::optional<ThresholdCondition> parsed = parseThresholdCondition(condition);
            if (!parsed) {
                m_errors.append(u"event '%1': Condition '%2' is not one of > >= < <= == !="_s.arg(
                    path, condition));
                return;
            }
            event.condition = *parsed;
            Result<double> limit = attrs.number(u"Limit");
            if (!limit) {
                m_errors.append(u"event '%1': %2"_s.arg(path, limit.error()));
                return;
            }
            event.limit = *limit;
            Result<double> hysteresis = attrs.number(u"Hysteresis", 0.0);
            if (!hysteresis || *hysteresis < 0) {
                m_errors.append(u"event '%1': Hysteresis must be a number >= 0"_s.arg(path));
                return;
            }
            event.hysteresis = *hysteresis;
            event.severity = attrs.text(u"Severity").value_or(u"warning"_s);
        } else {
            event.severity = attrs.text(u"Severity").value_or(u"info"_s);
        }
        twin.events.append(event);
    }

    void planMethod(TwinPlan &twin, const QString &path, const AttributeLookup &attrs)
    {
        MethodPlan method;
        method.name = path;
        method.action = attrs.text(u"Action").value_or(QString());
        if (method.action.isEmpty()) {
            m_errors.append(u"method '%1': Action is empty"_s.arg(path));
            return;
        }
        const std::optional<AttributeAddress> address
            = twinAttribute(twin, path, u"Target"_s, attrs.text(u"Target").value_or(QString()));
        if (!address)
            return;
        method.elementPath = address->elementPath;
        method.attribute = address->attribute;
        method.value = attrs.ownText(u"Value").value_or(QString());
        for (const MethodPlan &other : std::as_const(twin.methods)) {
            if (other.elementPath == method.elementPath && other.action == method.action) {
                m_errors.append(u"methods '%1' and '%2' both offer action '%3' on '%4'"_s.arg(
                    other.name, path, method.action, method.elementPath));
                return;
            }
        }
        twin.methods.append(method);
    }

    // ---- InternalLinks: ModbusVariable -> AttributeInterface ----

    void planLinks()
    {
        for (const ElementInfo &ei : std::as_const(m_elements)) {
            for (const model::InternalLink &link : ei.element->internalLinks)
                planLink(link, ei);
        }
        for (const TwinPlan &twin : std::as_const(m_plan.twins)) {
            for (const DevicePlan &device : twin.devices) {
                for (int v = 0; v < device.config.variables.size(); ++v) {
                    bool bound = false;
                    for (const VariableBinding &b : device.bindings)
                        bound = bound || b.variableIndex == v;
                    if (!bound)
                        m_warnings.append(u"variable '%1' of device '%2' is not linked to any "
                                          "attribute"_s.arg(device.config.variables[v].name,
                                              device.componentPath));
                }
            }
        }
    }

    void planLink(const model::InternalLink &link, const ElementInfo &holder)
    {
        const QString where = u"link '%1' in '%2'"_s.arg(link.name, holder.instancePath);
        Result<model::Resolver::LinkPartner> a = m_resolver.linkPartner(link.refPartnerSideA);
        Result<model::Resolver::LinkPartner> b = m_resolver.linkPartner(link.refPartnerSideB);
        if (!a || !b)
            return; // the validator reports it as an error: nothing is deployed
        const model::Resolver::LinkPartner *device = nullptr;
        const model::Resolver::LinkPartner *target = nullptr;
        for (const auto &[side, other] : { std::pair { &*a, &*b }, std::pair { &*b, &*a } }) {
            if (side->owner.kind != model::ElementKind::InternalElement)
                continue;
            if (m_deviceByElement.contains(side->owner.as<model::InternalElement>())
                && interfaceIsA(*side->interface.as<model::ExternalInterface>(), m_resolver,
                    u"ModbusVariable")) {
                device = side;
                target = other;
                break;
            }
        }
        if (!device)
            return; // not a Modbus binding (or a device that failed its own checks)
        const auto [t, d] = m_deviceByElement.value(device->owner.as<model::InternalElement>());
        TwinPlan &twin = m_plan.twins[t];
        DevicePlan &devicePlan = twin.devices[d];
        const auto *variableInterface = device->interface.as<model::ExternalInterface>();
        const int variableIndex = devicePlan.config.indexOf(variableInterface->name);
        if (variableIndex < 0) {
            m_errors.append(u"%1: device '%2' has no variable '%3'"_s.arg(
                where, devicePlan.componentPath, variableInterface->name));
            return;
        }
        const ModbusVariable &variable = devicePlan.config.variables[variableIndex];
        const auto *targetInterface = target->interface.as<model::ExternalInterface>();
        if (target->owner.kind != model::ElementKind::InternalElement
            || !interfaceIsA(*targetInterface, m_resolver, u"AttributeInterface")) {
            m_errors.append(u"%1: ModbusVariable '%2.%3' is linked to '%4', which is not an "
                            "AttributeInterface of a device element"_s.arg(where,
                                devicePlan.componentPath, variable.name, target->interface.path));
            return;
        }
        auto *owner
            = const_cast<model::InternalElement *>(target->owner.as<model::InternalElement>());
        if (servingTwin(owner) != t) {
            m_errors.append(u"%1: device '%2' of twin '%3' is linked to '%4', which twin '%3' "
                            "does not serve"_s.arg(
                                where, devicePlan.componentPath, twin.name, target->owner.path));
            return;
        }
        const model::Attribute *nameAttr
            = model::findAttribute(targetInterface->attributes, u"Attribute");
        const QString attributeName
            = nameAttr && nameAttr->value ? nameAttr->value->trimmed() : QString();
        const QString elementPath = relativePath(twin.root, owner);
        if (attributeName.isEmpty()) {
            m_errors.append(u"%1: AttributeInterface '%2' does not name an attribute (its "
                            "'Attribute' is empty)"_s.arg(where, target->interface.path));
            return;
        }
        model::Attribute *attribute = attributeAt(owner->attributes, attributeName);
        if (!attribute) {
            m_errors.append(u"%1: element '%2' has no attribute '%3' (named by its "
                            "AttributeInterface '%4')"_s.arg(
                                where, target->owner.path, attributeName, targetInterface->name));
            return;
        }
        VariableBinding binding;
        binding.variableIndex = variableIndex;
        binding.linkName = link.name;
        binding.elementPath = elementPath;
        if (variable.count == 1) {
            if (!attribute->attributes.isEmpty()) {
                m_errors.append(u"%1: variable '%2.%3' holds one value but attribute '%4/%5' has "
                                "%6 nested attributes; set Count to %6"_s
                                    .arg(where, devicePlan.componentPath, variable.name,
                                        target->owner.path, attributeName)
                                    .arg(attribute->attributes.size()));
                return;
            }
            binding.attributes.append(attributeName);
        } else {
            if (attribute->attributes.size() != variable.count) {
                m_errors.append(
                    u"%1: variable '%2.%3' holds %4 values but attribute '%5/%6' has "
                    "%7 nested attributes"_s.arg(where, devicePlan.componentPath, variable.name)
                        .arg(variable.count)
                        .arg(target->owner.path, attributeName)
                        .arg(attribute->attributes.size()));
                return;
            }
            for (const model::Attribute &child : attribute->attributes) {
                if (!child.attributes.isEmpty()) {
                    m_errors.append(u"%1: attribute '%2/%3/%4' has nested attributes itself; an "
                                    "array maps onto leaf attributes"_s.arg(
                                        where, target->owner.path, attributeName, child.name));
                    return;
                }
                binding.attributes.append(attributeName + u'/' + child.name);
            }
        }
        for (const DevicePlan &other : std::as_const(twin.devices)) {
            for (const VariableBinding &ob : other.bindings) {
                if (ob.elementPath == elementPath && ob.attributes == binding.attributes)
                    m_warnings.append(u"attribute '%1/%2' is fed by two variables ('%3' and "
                                      "'%4.%5')"_s.arg(elementPath, attributeName, ob.linkName,
                                          devicePlan.componentPath, variable.name));
            }
        }
        devicePlan.bindings.append(binding);
    }

    void summarize(int t)
    {
        const TwinPlan &twin = m_plan.twins[t];
        DeployReport::Twin s;
        s.name = twin.name;
        s.root = twin.rootInstancePath;
        s.prefix = twin.prefix;
        for (const DevicePlan &d : twin.devices) {
            s.devices.append({ d.componentPath, endpointText(d.config),
                int(d.config.variables.size()), int(d.bindings.size()) });
            for (const VariableBinding &b : d.bindings) {
                const QString first = b.attributes.value(0);
                s.bindings.append(u"%1.%2 -> %3"_s.arg(d.componentPath,
                    d.config.variables[b.variableIndex].name,
                    joinPath(b.elementPath,
                        b.attributes.size() == 1
                            ? first
                            : first.section(u'/', 0, -2) + u"[%1]"_s.arg(b.attributes.size()))));
            }
        }
        if (twin.storage)
            s.storage = storageText(*twin.storage);
        for (const EventPlan &e : twin.events)
            s.events.append(u"%1 on %2"_s.arg(e.name, joinPath(e.elementPath, e.attribute)));
        for (const MethodPlan &m : twin.methods)
            s.methods.append(
                u"%1 %2 -> %3 = %4"_s.arg(m.elementPath, m.action, m.attribute, m.value));
        s.accessControl = twin.access.has_value();
        s.inactive = m_inactive.value(t);
        if (!twin.storage)
            m_warnings.append(
                u"twin '%1' has no storage component: no history is kept"_s.arg(twin.name));
        m_plan.report.twins.append(s);
    }

    DeployPlan &m_plan;
    model::Resolver &m_resolver;
    const DeployOptions &m_options;
    QStringList &m_errors;
    QStringList &m_warnings;
    QList<ElementInfo> m_elements;
    QHash<const model::InternalElement *, int> m_index;
    QHash<const model::InternalElement *, int> m_twinByRoot;
    QHash<const model::InternalElement *, std::pair<int, int>> m_deviceByElement;
    QHash<int, QStringList> m_inactive;
    QSet<QString> m_validated;

    /// An error about a component, unless the validator has already reported one for it or
    /// for one of its interfaces (the same rule seen twice, in other words).
    void reportUnlessValidated(const model::InternalElement &component, const QString &error)
    {
        const bool validated = m_validated.contains(component.id)
            || std::any_of(component.interfaces.begin(), component.interfaces.end(),
                [this](const model::ExternalInterface &i) { return m_validated.contains(i.id); });
        if (!validated)
            m_errors.append(error);
    }
};

DeployPlan plan(DeployPlan result, const DeployOptions &options, const model::SourceMap *positions)
{
    model::Resolver resolver(*result.file, QFileInfo(result.fileName).absolutePath());
    const model::Diagnostics diagnostics
        = model::Validator().validate(*result.file, resolver, positions, result.fileName);
    QSet<QString> validated;
    for (const model::Diagnostic &d : diagnostics) {
        if (d.severity == model::Severity::Error) {
            result.report.errors.append(u"validation: "_s + d.toString());
            if (!d.elementId.isEmpty())
                validated.insert(d.elementId);
        } else if (d.severity == model::Severity::Warning) {
            result.report.warnings.append(u"validation: "_s + d.toString());
        }
    }
    Planner(result, resolver, options, std::move(validated)).run();
    if (!result.report.ok())
        result.twins.clear();
    return result;
}

} // namespace

DeployPlan planDeploy(const QString &amlFile, const DeployOptions &options)
{
    DeployPlan result;
    result.fileName = QFileInfo(amlFile).absoluteFilePath();
    result.report.file = amlFile;
    model::CaexReader reader(model::CaexReader::Options { true, 512 });
    Result<model::CaexFile> file = reader.readFile(amlFile);
    if (!file) {
        result.report.errors.append(file.error());
        return result;
    }
    result.file = std::make_unique<model::CaexFile>(file.takeValue());
    return plan(std::move(result), options, &reader.sourceMap());
}

DeployPlan planDeploy(model::CaexFile file, const QString &fileName, const DeployOptions &options)
{
    DeployPlan result;
    result.fileName = QFileInfo(fileName).absoluteFilePath();
    result.report.file = fileName;
    result.file = std::make_unique<model::CaexFile>(std::move(file));
    return plan(std::move(result), options, nullptr);
}

} // namespace dt::runtime
