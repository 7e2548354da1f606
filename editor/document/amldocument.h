// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/documentnode.h"
#include "document/ownerref.h"

#include "model/caexfile.h"
#include "model/resolver.h"
#include "model/result.h"

#include <QHash>
#include <QObject>
#include <QUuid>

#include <atomic>
#include <functional>
#include <memory>

class QUndoCommand;
class QUndoStack;

namespace dt::editor {

/// An open AutomationML document: the CaexFile, a Resolver over it and the QUndoStack of every
/// edit. Commands (editor/commands) are the only code that mutates the model; they do it through
/// the primitives below, which keep the key index in step and emit typed change signals that the
/// item models translate. isModified() is the undo stack's clean state.
///
/// Keys: every InstanceHierarchy, InternalElement (of the instance tree) and document library or
/// class has a stable string key: its CAEX ID, or, when the ID is empty or already taken, a
/// session key ("~N") that is never written to the file. Interfaces and attributes are addressed
/// through their owner (OwnerRef, AttributeRef).
class AmlDocument : public QObject
{
    Q_OBJECT

public:
    /// The aliases and files of the libraries a new document references, in template order.
    struct LibraryReference
    {
        QString alias;
        QString fileName;
    };
    static QList<LibraryReference> standardLibraries();

    /// Takes over a model; fileName is where it was read from (empty for a new document). The
    /// resolver looks for relative ExternalReferences in baseDirectory (default: the file's dir).
    explicit AmlDocument(std::unique_ptr<model::CaexFile> file, const QString &fileName = QString(),
        const QString &baseDirectory = QString(), QObject *parent = nullptr);
    ~AmlDocument() override;

    /// A new document from the template: one empty InstanceHierarchy and ExternalReferences to
    /// our DT and AutomationML libraries in libraryDir (paths relative when possible).
    static std::unique_ptr<AmlDocument> createNew(const QString &libraryDir);
    /// resources/libraries of an installed or built workbench; empty when not found.
    static QString defaultLibraryDir();
    /// Reads a file (thread-safe: for opening off the GUI thread). cancel is polled while reading
    /// (a cancelled read fails with "cancelled"); progress gets 0..100.
    static Result<std::unique_ptr<model::CaexFile>> readFile(const QString &fileName,
        const std::atomic_bool *cancel = nullptr, std::function<void(int percent)> progress = {});
    /// readFile() and a document around it (on the calling thread).
    static Result<std::unique_ptr<AmlDocument>> open(const QString &fileName);

    /// Writes atomically in the given version, updating SourceDocumentInformation; on success the
    /// document takes the new file name and is clean. prepareSave(), writeSave() and finishSave()
    /// on the calling thread.
    Result<void> save(const QString &fileName, model::SchemaVersion version);

    /// A save split in three so that the write can run off the GUI thread: prepareSave() copies
    /// the model with what a save changes already applied (FileName, SourceDocumentInformation,
    /// relative references rebased to the target's folder); writeSave() writes that copy (any
    /// thread); finishSave() applies the same changes to the document after a successful write.
    /// Until then the document, its resolver and its name stay as they were.
    struct SavePlan
    {
        QString fileName; ///< absolute target
        model::SchemaVersion version = model::SchemaVersion::V3_0;
        std::shared_ptr<const model::CaexFile> snapshot; ///< what writeSave() writes
        /// The undo state the snapshot shows: finishSave() marks only that state clean.
        int undoIndex = -1;
        const QUndoCommand *undoTop = nullptr;
    };
    SavePlan prepareSave(const QString &fileName, model::SchemaVersion version) const;
    /// Writes plan.snapshot atomically (QSaveFile). Thread-safe. When cancel becomes true the
    /// write stops, fails with "Saving was cancelled." and the target is left untouched.
    static Result<void> writeSave(const SavePlan &plan, const std::atomic_bool *cancel = nullptr);
    /// Call only after writeSave() succeeded: the document takes the saved metadata, the rebased
    /// references (a new resolver) and the new name, and is clean unless it was edited since
    /// prepareSave() (then it stays modified: the file holds the earlier state).
    void finishSave(const SavePlan &plan);

    QString fileName() const { return m_fileName; }
    /// Directory where relative ExternalReference paths start.
    QString baseDirectory() const { return m_baseDirectory; }
    bool isModified() const;
    /// Identifies this document instance in drag mime data (drops between windows).
    QUuid instanceId() const { return m_instanceId; }

    /// Read access to the model. Never mutate it directly: push a command.
    const model::CaexFile &file() const { return *m_file; }
    /// Mutable model, for commands only.
    model::CaexFile &mutableFile() { return *m_file; }
    /// The resolver over the current model (invalidated lazily after edits).
    model::Resolver &resolver();
    QUndoStack *undoStack() const { return m_undoStack; }

    // ---- keys and lookup ------------------------------------------------------------------
    /// The node with this key, or nullptr.
    DocumentNode *node(const QString &key) const;
    /// The roots of the instance tree (one per InstanceHierarchy), in document order.
    const std::vector<DocumentNode *> &hierarchyNodes() const { return m_hierarchies; }
    /// The roots of the document's own libraries (all four kinds, in that file order).
    const std::vector<DocumentNode *> &libraryNodes() const { return m_libraries; }
    model::InternalElement *element(const QString &key) const;
    model::InstanceHierarchy *hierarchy(const QString &key) const;
    /// Key of the parent (empty for roots or unknown keys).
    QString parentKey(const QString &key) const;
    /// The element path "Hierarchy/Element/Child" (or class path "Lib/Class") of a key.
    QString path(const QString &key) const;
    /// The key of the node with this ID or instance/class path (what a Diagnostic names).
    QString keyForIdOrPath(const QString &idOrPath) const;
    /// Number of keyed instance nodes (hierarchies + elements).
    int instanceNodeCount() const { return m_instanceCount; }

    /// The attribute list / interface list of an owner, or nullptr when it does not exist.
    model::NodeList<model::Attribute> *attributes(const OwnerRef &owner) const;
    model::NodeList<model::ExternalInterface> *interfaces(const OwnerRef &owner) const;
    /// The interface an OwnerRef with an interface path names, or nullptr.
    model::ExternalInterface *interface(const OwnerRef &owner) const;
    /// The attribute at a path, or nullptr.
    model::Attribute *attribute(const AttributeRef &ref) const;
    /// The SystemUnitClassType (element or SUC) behind a key: where links live.
    model::SystemUnitClassType *unitOf(const QString &key) const;

    // ---- mutation primitives for commands (keep the index, emit the signals) -------------
    /// Inserts an element under parentKey (hierarchy or element) at row. keys, when given, are
    /// the subtree's keys in pre-order as takeElement() returned them (undo keeps keys stable).
    /// Returns the new element's key.
    QString insertElement(const QString &parentKey, int row,
        std::unique_ptr<model::InternalElement> element, const QStringList &keys = QStringList());
    /// Removes an element; its subtree keys in pre-order go to *keys.
    std::unique_ptr<model::InternalElement> takeElement(const QString &key, QStringList *keys);
    /// Moves an element to a new parent and row (row counted after the removal).
    bool moveElement(const QString &key, const QString &newParentKey, int newRow);
    /// Inserts / removes an InstanceHierarchy at row (keys as for elements).
    QString insertHierarchy(int row, std::unique_ptr<model::InstanceHierarchy> hierarchy,
        const QStringList &keys = QStringList());
    std::unique_ptr<model::InstanceHierarchy> takeHierarchy(const QString &key, QStringList *keys);
    /// Re-reads the ID of a node after a command changed it (the key stays).
    void notifyElementChanged(const QString &key);
    void notifyAttributeChanged(const OwnerRef &owner, const QStringList &path);
    void notifyAttributesChanged(const OwnerRef &owner);
    void notifyInterfacesChanged(const OwnerRef &owner);
    void notifyLinksChanged();
    /// Rebuilds the library part of the index and tells the views.
    void notifyLibrariesChanged();
    /// Attribute structure edits around which the models insert/remove rows.
    void beginInsertAttribute(const OwnerRef &owner, const QStringList &parentPath, int row);
    void endInsertAttribute(const OwnerRef &owner, const QStringList &parentPath, int row);
    void beginRemoveAttribute(const OwnerRef &owner, const QStringList &parentPath, int row);
    void endRemoveAttribute(const OwnerRef &owner, const QStringList &parentPath, int row);

Q_SIGNALS:
    void elementAboutToBeAdded(const QString &parentKey, int row);
    void elementAdded(const QString &parentKey, int row, const QString &key);
    void elementAboutToBeRemoved(const QString &parentKey, int row, const QString &key);
    void elementRemoved(const QString &parentKey, int row);
    void elementAboutToBeMoved(const QString &key, const QString &oldParentKey, int oldRow,
        const QString &newParentKey, int newRow);
    void elementMoved(const QString &key, const QString &oldParentKey, int oldRow,
        const QString &newParentKey, int newRow);
    /// Name, class, role, description or ID of a node changed.
    void elementChanged(const QString &key);
    /// The value, unit, type or constraints of one attribute changed.
    void attributeChanged(const QString &ownerKey, const QStringList &path);
    /// The attributes of an owner changed as a whole (views reset).
    void attributesChanged(const QString &ownerKey);
    void attributeAboutToBeAdded(const QString &ownerKey, const QStringList &parentPath, int row);
    void attributeAdded(const QString &ownerKey, const QStringList &parentPath, int row);
    void attributeAboutToBeRemoved(const QString &ownerKey, const QStringList &parentPath, int row);
    void attributeRemoved(const QString &ownerKey, const QStringList &parentPath, int row);
    void interfacesChanged(const QString &ownerKey);
    void linksChanged();
    void librariesChanged();
    /// Emitted after any model change (for debounced consumers like the problems view).
    void contentChanged();
    void modifiedChanged(bool modified);
    void fileNameChanged(const QString &fileName);
    /// First thing in the destructor, while the model is still intact: views let go here.
    void aboutToBeDestroyed();

private:
    DocumentNode *makeNode(model::ElementKind kind, model::CaexObject *object, DocumentNode *parent,
        const QStringList &keys, int *keyIndex);
    void indexElementChildren(DocumentNode *node, const QStringList &keys, int *keyIndex);
    void unindexTree(DocumentNode *node, QStringList *keys);
    void deleteTree(DocumentNode *node);
    static void renumber(std::vector<DocumentNode *> &list, int from);
    void buildIndex();
    void buildLibraryIndex();
    void clearLibraryIndex();
    QString newSessionKey();
    void structureChanged();
    void rebase(const QString &newBaseDirectory);
    static void rebaseReferences(QList<model::ExternalReference> &references,
        const QString &oldBaseDirectory, const QString &newBaseDirectory);

    std::unique_ptr<model::CaexFile> m_file;
    QString m_fileName;
    QString m_baseDirectory;
    QUuid m_instanceId;
    QUndoStack *m_undoStack = nullptr;
    std::unique_ptr<model::Resolver> m_resolver;
    QHash<QString, DocumentNode *> m_nodes; ///< owns the nodes
    std::vector<DocumentNode *> m_hierarchies;
    std::vector<DocumentNode *> m_libraries;
    int m_instanceCount = 0;
    quint64 m_nextSessionKey = 1;
};

} // namespace dt::editor
