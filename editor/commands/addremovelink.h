// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/amldocument.h"

#include "model/systemunit.h"

#include <QUndoCommand>

#include <functional>
#include <vector>

namespace dt::editor {

/// An InternalLink found in the document (e.g. one that pointed into a removed subtree).
struct RemovedLink
{
    QString containerKey; ///< the element that holds the InternalLink
    int linkRow = -1; ///< its index in that element's links
    QString name;
    QString partnerA;
    QString partnerB;
};

/// The InternalLinks of the instance tree with a side for which matches(side) is true, in tree
/// order (rows ascending). Links held inside the subtrees of `skip` are left out.
QList<RemovedLink> findLinks(const AmlDocument &document,
    const std::function<bool(const QString &side)> &matches,
    const std::vector<const DocumentNode *> &skip = {});

/// The RefPartnerSide text for an interface: "ElementID:InterfaceName" (top-level interface of an
/// element with an ID), else the interface's own ID; empty when it cannot be referenced.
QString linkPartnerReference(const AmlDocument &document, const OwnerRef &interface);
/// Where a link between two elements belongs: their nearest common ancestor element (or the
/// first element itself when one contains the other); empty when they share no element.
QString linkContainerFor(const AmlDocument &document, const QString &keyA, const QString &keyB);

/// Adds an InternalLink to the element containerKey (row -1 appends). Use makeLink() to build it.
class AddLink : public QUndoCommand
{
public:
    AddLink(AmlDocument *document, const QString &containerKey, model::InternalLink link,
        int row = -1, QUndoCommand *parent = nullptr);
    /// A link between two interfaces, placed at their common ancestor, with a fresh ID and a
    /// name "A-B"; nullptr when either side cannot be referenced or they share no element.
    static std::unique_ptr<AddLink> connect(AmlDocument *document, const OwnerRef &sideA,
        const OwnerRef &sideB, const QString &name = QString());
    void redo() override;
    void undo() override;
    QString containerKey() const { return m_containerKey; }

private:
    AmlDocument *m_document;
    QString m_containerKey;
    int m_row;
    model::InternalLink m_link;
};

/// Removes the InternalLink at row of containerKey; undo puts it back in place.
class RemoveLink : public QUndoCommand
{
public:
    RemoveLink(AmlDocument *document, const QString &containerKey, int row,
        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    AmlDocument *m_document;
    QString m_containerKey;
    int m_row;
    model::InternalLink m_link;
};

} // namespace dt::editor
