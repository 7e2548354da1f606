// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/ownerref.h"

#include <QDockWidget>

class QAction;
class QCheckBox;
class QLabel;
class QTableView;
class QTreeView;

namespace dt::editor {

class AmlDocument;
class InterfaceModel;
class LinkModel;

/// The Interfaces & Links dock: the ExternalInterfaces of the selected element (add from an
/// InterfaceClass, remove, link to a partner chosen in a dialog or by dragging one interface
/// onto another) and the document's InternalLinks, broken ones marked.
class InterfacesDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit InterfacesDock(QWidget *parent = nullptr);

    void setDocument(AmlDocument *document);
    /// The element whose interfaces are shown (empty key: none).
    void setElement(const QString &key);

    InterfaceModel *interfaceModel() const { return m_interfaces; }
    LinkModel *linkModel() const { return m_links; }
    QTreeView *interfaceView() const { return m_interfaceView; }
    QTableView *linkView() const { return m_linkView; }
    QCheckBox *onlySelectionBox() const { return m_onlySelection; }
    QAction *addInterfaceAction() const { return m_addInterface; }
    QAction *removeInterfaceAction() const { return m_removeInterface; }
    QAction *linkAction() const { return m_link; }
    QAction *removeLinkAction() const { return m_removeLink; }

    /// The interface that is current in the interface view (invalid when none).
    OwnerRef currentInterface() const;
    /// Adds an interface of an InterfaceClass to the shown element (empty path: ask).
    bool addInterface(const QString &interfaceClassPath = QString());
    /// Links the current interface to partner (invalid: ask in LinkPartnerDialog).
    bool linkCurrentInterface(const OwnerRef &partner = OwnerRef());
    bool removeCurrentInterface();
    bool removeCurrentLink();

Q_SIGNALS:
    /// The user selected an interface (to show its attributes); invalid when none.
    void interfaceSelected(const dt::editor::OwnerRef &interface);
    /// The user double-clicked a link: go to the element that holds it.
    void elementActivated(const QString &key);
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateActions();
    void updateSummary();

    AmlDocument *m_document = nullptr;
    QString m_elementKey;
    InterfaceModel *m_interfaces;
    LinkModel *m_links;
    QTreeView *m_interfaceView;
    QTableView *m_linkView;
    QLabel *m_interfacesLabel;
    QLabel *m_linksLabel;
    QCheckBox *m_onlySelection;
    QAction *m_addInterface;
    QAction *m_removeInterface;
    QAction *m_link;
    QAction *m_removeLink;
};

} // namespace dt::editor
