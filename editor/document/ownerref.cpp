// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/ownerref.h"

#include "model/caexpath.h"

namespace dt::editor {

namespace {
// A control character cannot appear in a CAEX ID, so it separates key and interface path.
constexpr char16_t separator = u'\x1f';
} // namespace

QString OwnerRef::toString() const
{
    if (interfacePath.isEmpty())
        return key;
    return key + QChar(separator) + model::CaexPath::join(interfacePath);
}

OwnerRef OwnerRef::fromString(const QString &ownerKey)
{
    OwnerRef ref;
    const qsizetype at = ownerKey.indexOf(QChar(separator));
    if (at < 0) {
        ref.key = ownerKey;
        return ref;
    }
    ref.key = ownerKey.left(at);
    ref.interfacePath = model::CaexPath::parse(QStringView(ownerKey).mid(at + 1)).segments;
    return ref;
}

OwnerRef OwnerRef::child(const QString &interfaceName) const
{
    OwnerRef ref = *this;
    ref.interfacePath << interfaceName;
    return ref;
}

QString AttributeRef::pathString() const
{
    return model::CaexPath::join(path);
}

} // namespace dt::editor
