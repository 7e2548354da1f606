// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostic.h"

#include <QAnyStringView>
#include <QLatin1StringView>

#include <vector>

namespace dt::model {

/// What a DT attribute's value must look like.
enum class DtValueKind : quint8 {
    Text, ///< any non-empty text
    Integer, ///< a whole number, within [min, max] when min <= max
    Number, ///< a number, within [min, max] when min <= max
    Choice, ///< one of the '|'-separated choices
    Host, ///< an IPv4/IPv6 address or a host name
    Boolean, ///< true/false/1/0
    UrlPath, ///< a path starting with '/'
};

/// One attribute that users of a DT class must (or may) carry.
struct DtAttributeRule
{
    const char *name = nullptr;
    DtValueKind kind = DtValueKind::Text;
    /// Severity when the attribute is absent or empty; Info marks an optional attribute.
    Severity whenMissing = Severity::Info;
    double min = 0;
    double max = -1;
    const char *choices = nullptr;
};

/// When attribute 'ifName' holds one of 'ifValues', attribute 'thenName' (when set) must hold
/// one of 'thenValues'.
struct DtImplication
{
    const char *ifName;
    const char *ifValues;
    const char *thenName;
    const char *thenValues;
    Severity severity;
};

/// A class of our DT libraries (a role, a component SUC or an interface class) and what the
/// elements or interfaces that use it must carry.
struct DtClassRule
{
    const char *name = nullptr;
    /// For component SUCs: the DigitalTwinRoleClassLib role the component plays.
    const char *role = nullptr;
    std::vector<DtAttributeRule> attributes;
    std::vector<DtImplication> implications;
    /// For roles: some direct child element must play this role (a DigitalTwin needs an API).
    const char *requiredChildRole = nullptr;
    /// For interfaces: the attribute whose value names an attribute of the owning element.
    const char *attributeReference = nullptr;
};

/// A link between interfaces of 'interfaceClass' and anything else needs 'partnerClass' on the
/// other side (a Modbus binding connects a ModbusVariable to an AttributeInterface).
struct DtLinkRule
{
    const char *interfaceClass;
    const char *partnerClass;
};

/// The digital-twin semantics of our libraries (ARCHITECTURE.md §5), as data.
struct DtRules
{
    QLatin1StringView roleLibrary;
    QLatin1StringView componentLibrary;
    QLatin1StringView interfaceLibrary;
    std::vector<DtClassRule> roles;
    std::vector<DtClassRule> components;
    std::vector<DtClassRule> interfaces;
    std::vector<DtLinkRule> links;

    /// Index of a role / component / interface class by name, or -1.
    int roleIndex(QAnyStringView name) const;
    int componentIndex(QAnyStringView name) const;
    int interfaceIndex(QAnyStringView name) const;
};

/// The rules of our DT libraries.
const DtRules &dtRules();

} // namespace dt::model
