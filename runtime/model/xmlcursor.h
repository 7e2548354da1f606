// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caexbasicobject.h"
#include "diagnostic.h"
#include "stringpool.h"

#include <QXmlStreamReader>

namespace dt::model {

/// Walks a QXmlStreamReader element by element for the CAEX reader (private to it): enforces the
/// nesting limit and the DTD policy, knows where each token starts, collects warnings, and
/// serializes subtrees the model does not interpret. Every loop ends at an end tag or at the
/// first error, so no input can make it hang.
class XmlCursor
{
public:
    /// Warnings beyond this many are counted, not stored (a file of a million nameless
    /// elements must not produce a million diagnostics).
    static constexpr int MaxWarnings = 1000;

    XmlCursor(QXmlStreamReader &xml, const QString &fileName, int maxDepth, Diagnostics &warnings);

    QXmlStreamReader &xml() { return m_xml; }

    /// Advances to the root element. False on error (also when the document has no root).
    bool readRoot();
    /// Advances to the next child element of the current element. False once the current
    /// element's end tag has been consumed, or on error. Text between children is ignored with a
    /// warning when it is not whitespace.
    bool nextChild();
    /// Reads the text of the current element up to and including its end tag. Text inside child
    /// elements is included; *hadChildElements tells whether there were any. Short texts come
    /// from pool when one is given.
    QString readText(bool *hadChildElements, StringPool *pool = nullptr);
    /// Serializes the current element and its subtree verbatim, with the namespace declarations
    /// it needs, consuming it up to its end tag. On error the fragment is incomplete; check
    /// failed().
    XmlFragment capture();
    /// Consumes the current element and its subtree.
    void skip();
    /// Reads what follows the root element; reports trailing content as an error.
    void finish();

    /// Where the current token starts (1-based line and column); for the root element, where
    /// its start tag ends (the reader reports no token for whitespace before the root).
    SourcePosition position() const { return m_tokenStart; }
    int depth() const { return m_depth; }

    /// QXmlStreamReader checks element names but lets any character through in attribute
    /// names and namespace prefixes (even NUL); these check them against the XML name rules and
    /// fail reading when they break them. Known CAEX names need no check.
    bool checkAttributeName(QStringView qualifiedName);
    bool checkAttributeNames();

    void warn(const QString &message, SourcePosition position, const QString &elementId = {});
    /// Stops reading with an error at a position (the reader then only returns Invalid).
    void fail(const QString &message, SourcePosition position);
    bool failed() const { return m_xml.hasError(); }
    /// The error that stopped reading, with its position (valid when failed()).
    Diagnostic error() const;
    /// Appends the "N more warnings" summary when warnings were dropped.
    void flushWarningSummary();

private:
    QXmlStreamReader::TokenType next();
    bool enterChild();
    bool checkNamespacePrefixes();
    void checkDtd();

    QXmlStreamReader &m_xml;
    QString m_fileName;
    Diagnostics &m_warnings;
    int m_maxDepth;
    int m_depth = 0;
    int m_droppedWarnings = 0;
    SourcePosition m_tokenStart { 1, 1 };
    /// The last token was plain text; the reader has then consumed one character beyond it.
    bool m_afterText = false;
    bool m_customError = false;
    SourcePosition m_errorPosition;
};

} // namespace dt::model
