// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/ownerref.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

namespace dt::model {
struct ExternalInterface;
template<typename T> class NodeList;
} // namespace dt::model

namespace dt::editor {

class AmlDocument;

/// The ExternalInterfaces of one owner (element or document class) as a tree (nested interfaces
/// of CAEX 3.0 as children). Columns Name, Class (RefBaseClassPath), Links (how many
/// InternalLinks use it). Names are editable (RenameInterface). Drags carry
/// "application/x-dt-interface-ref"; dropping one interface on another links them (AddLink);
/// dropping an InterfaceClass path adds an interface (on the owner, or nested in the target).
class InterfaceModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ClassColumn, LinksColumn, ColumnCount };
    enum Role {
        OwnerRefRole = Qt::UserRole + 1, ///< QString: OwnerRef::toString() of the interface
        PartnerReferenceRole, ///< what a link's RefPartnerSide names it by
        IdRole, ///< the interface's ID
        ClassPathRole, ///< RefBaseClassPath
    };

    explicit InterfaceModel(QObject *parent = nullptr);
    ~InterfaceModel() override;

    void setOwner(AmlDocument *document, const OwnerRef &owner);
    void clear();
    AmlDocument *document() const { return m_document; }
    OwnerRef owner() const { return m_owner; }
    /// The OwnerRef of the interface at index (invalid OwnerRef for invalid indexes).
    OwnerRef interfaceRef(const QModelIndex &index) const;

    QModelIndex index(
        int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

    /// Mime data that names an interface for linking (also used by the link dock's pickers).
    static QMimeData *mimeDataForInterface(const AmlDocument &document, const OwnerRef &ref);
    /// The interface a drag names, when it comes from this document.
    static OwnerRef interfaceFromMimeData(const AmlDocument &document, const QMimeData *data);

private:
    using Interface = model::ExternalInterface;
    const model::NodeList<Interface> *list(const Interface *parent) const;
    const Interface *interfaceFor(const QModelIndex &index) const;
    QStringList pathOf(const Interface *interface) const;
    OwnerRef refOf(const Interface *interface) const;
    void rebuild();
    void indexParents(const model::NodeList<Interface> &list, const Interface *parent);
    void countLinks();

    QPointer<AmlDocument> m_document;
    OwnerRef m_owner;
    QHash<const Interface *, const Interface *> m_parents;
    QHash<QString, int> m_linkCounts; ///< partner reference → number of links
    QList<QMetaObject::Connection> m_connections;
};

} // namespace dt::editor
