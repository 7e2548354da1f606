// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dt::editor {

/// Mime types of the editor's drag and drop and clipboard.
namespace MimeTypes {
/// Library class dragged from the library view: UTF-8 "Kind\nPath", Kind = the CAEX element name
/// (SystemUnitClass, RoleClass, InterfaceClass, AttributeType), Path as the document resolves it
/// ("DTComponents@DigitalTwinComponentLib/SQLiteStorage").
inline QString classPath()
{
    return QStringLiteral("application/x-dt-class-path");
}
/// Elements dragged in the hierarchy: UTF-8 lines, the document's instanceId first, then keys.
inline QString elementKeys()
{
    return QStringLiteral("application/x-dt-element-keys");
}
/// Copied elements (see commands/pasteelements.h): a CAEX document.
inline QString amlElements()
{
    return QStringLiteral("application/x-dt-aml-elements");
}
/// An interface dragged from the interface view to make a link: "instanceId\nownerKey".
inline QString interfaceRef()
{
    return QStringLiteral("application/x-dt-interface-ref");
}
} // namespace MimeTypes

} // namespace dt::editor
