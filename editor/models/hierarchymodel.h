// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QPointer>

namespace dt::editor {

class AmlDocument;
struct DocumentNode;

/// The instance tree: InstanceHierarchies, then InternalElements. Columns Name, Class (the
/// RefBaseSystemUnitPath), Role. Items point at the document's key index (O(1) parent/index).
/// Names are editable (pushes RenameElement). Drags carry element keys; drops accept element keys
/// (move, or copy with Qt::CopyAction) and library class paths (SystemUnitClass: instantiate,
/// RoleClass: set role, InterfaceClass: add interface). The model only translates document
/// signals; all edits are commands.
class HierarchyModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ClassColumn, RoleColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, ///< QString document key
        KindRole, ///< int model::ElementKind
        PathRole, ///< "Hierarchy/Element/Child"
        IdRole, ///< the CAEX ID (may be empty)
        RolePathRole, ///< the element's role class path
    };

    explicit HierarchyModel(QObject *parent = nullptr);
    ~HierarchyModel() override;

    /// Shows a document (nullptr: nothing). The document must outlive the model or be unset.
    void setDocument(AmlDocument *document);
    AmlDocument *document() const { return m_document; }

    /// The index of a key in column 0 (invalid when unknown).
    QModelIndex indexForKey(const QString &key, int column = 0) const;
    QString keyForIndex(const QModelIndex &index) const;
    /// The document node behind an index (nullptr for invalid ones).
    DocumentNode *nodeForIndex(const QModelIndex &index) const;
    QModelIndex indexForNode(const DocumentNode *node, int column = 0) const;

    QModelIndex index(
        int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

    /// Text of the last refused drop or failed edit (for the status bar); empty when none.
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    /// A drop or edit could not be done; message says why (also in lastError()).
    void editFailed(const QString &message);

private:
    void connectDocument();
    void fail(const QString &message) const;
    QModelIndex parentIndexForKey(const QString &parentKey) const;

    QPointer<AmlDocument> m_document;
    mutable QString m_lastError;
    bool m_resetting = false;
};

} // namespace dt::editor
