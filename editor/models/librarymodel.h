// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/elementref.h"

#include <QAbstractItemModel>
#include <QPointer>

#include <memory>
#include <vector>

namespace dt::editor {

class AmlDocument;

/// The class libraries a document can use: its own SystemUnitClass, RoleClass, InterfaceClass and
/// AttributeType libraries, then those of each ExternalReference (loaded by the document's
/// Resolver). Tree: library → classes → derived classes. Columns Name, Source (the alias, empty
/// for the document's own). Drags carry "application/x-dt-class-path" ("Kind\nPath", the path as
/// the document resolves it). Read-only; rebuilt when the document's libraries change.
class LibraryModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SourceColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< int model::ElementKind (…Lib for libraries)
        ClassPathRole, ///< path as the document resolves it ("Alias@Lib/Class")
        AliasRole, ///< ExternalReference alias; empty for the document's own
        KeyRole, ///< document key for the document's own classes, else empty
        DescriptionRole, ///< the Description text
        IsLibraryRole, ///< bool
    };
    /// Which libraries to show (all by default).
    enum KindFilter {
        SystemUnitClasses = 0x1,
        RoleClasses = 0x2,
        InterfaceClasses = 0x4,
        AttributeTypes = 0x8,
        AllKinds = 0xf,
    };

    explicit LibraryModel(QObject *parent = nullptr);
    ~LibraryModel() override;

    void setDocument(AmlDocument *document);
    AmlDocument *document() const { return m_document; }
    void setKindFilter(int kinds);
    int kindFilter() const { return m_kinds; }

    /// Errors met while loading referenced library files (shown by the view as a hint).
    QStringList loadErrors() const { return m_loadErrors; }
    /// The reference of the class at index (ElementRef::file = the file that holds it).
    model::ElementRef classRef(const QModelIndex &index) const;
    /// The index of a class by its resolved path (as ClassPathRole), invalid when not shown.
    QModelIndex indexForClassPath(const QString &path) const;

    QModelIndex index(
        int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    struct Item;
    void rebuild();
    void build();
    Item *itemFor(const QModelIndex &index) const;

    QPointer<AmlDocument> m_document;
    int m_kinds = AllKinds;
    std::vector<std::unique_ptr<Item>> m_roots;
    QStringList m_loadErrors;
};

} // namespace dt::editor
