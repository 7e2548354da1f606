// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace dt::editor {

class AmlDocument;

/// The Find dock: elements by name (substring, case-insensitive), by path, or by an XPath
/// query of the model library (model::Query); the results as a list, activating one selects
/// the element (for an attribute or interface: the element that owns it).
class FindDock : public QDockWidget
{
    Q_OBJECT
public:
    enum class Mode { Name, Path, XPath };
    /// At most this many results are listed (the count says how many there were).
    static constexpr int MaxResults = 2000;

    explicit FindDock(QWidget *parent = nullptr);

    void setDocument(AmlDocument *document);
    void setMode(Mode mode);
    Mode mode() const;
    QLineEdit *queryEdit() const { return m_query; }
    QListWidget *resultsView() const { return m_results; }

    /// Runs the search; returns the number of matches (-1 for an invalid XPath).
    int find(const QString &text);
    /// Runs the search with the text in the query field.
    int findCurrent();
    /// Focuses the query field (Ctrl+F).
    void focusQuery();

Q_SIGNALS:
    void elementActivated(const QString &key);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Hit
    {
        QString key;
        QString label;
    };
    QList<Hit> findByName(const QString &text) const;
    QList<Hit> findByPath(const QString &text) const;
    QList<Hit> findByXPath(const QString &text, QString *error) const;
    /// The key of the keyed element at an instance path, or of its nearest keyed ancestor.
    QString ownerKeyForPath(const QString &path) const;
    void retranslate();

    AmlDocument *m_document = nullptr;
    QComboBox *m_mode;
    QLineEdit *m_query;
    QPushButton *m_findButton;
    QLabel *m_status;
    QListWidget *m_results;
};

} // namespace dt::editor
