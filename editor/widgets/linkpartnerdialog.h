// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/ownerref.h"

#include <QDialog>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace dt::editor {

class AmlDocument;

/// Chooses the partner interface of a new InternalLink: every interface of the instance
/// hierarchy, grouped by element, with a filter on element path and interface name.
class LinkPartnerDialog : public QDialog
{
    Q_OBJECT
public:
    /// source: the interface the link starts at (not offered as its own partner).
    LinkPartnerDialog(AmlDocument *document, const OwnerRef &source, QWidget *parent = nullptr);

    OwnerRef selectedPartner() const;
    /// Preselects a partner (returns false when it is not listed).
    bool selectPartner(const OwnerRef &partner);
    QTreeWidget *tree() const { return m_tree; }

private:
    void populate();
    void applyFilter(const QString &text);

    AmlDocument *m_document;
    OwnerRef m_source;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
};

} // namespace dt::editor
