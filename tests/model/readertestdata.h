// SPDX-License-Identifier: GPL-3.0-or-later
// Inputs and helpers for tst_reader: CAEX snippets, hostile documents, model element counts.
#pragma once

#include "model/caexfile.h"
#include "model/diagnostic.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace dt::test::reader {

extern const QByteArray XmlDeclaration;
/// The CAEXFile start tag of a 3.0 document (line 2 of doc30()).
extern const QByteArray Root30;
/// A complete SourceDocumentInformation line (line 3 of doc30()).
extern const QByteArray Sdi;

/// A CAEX 3.0 document whose body starts on line 4.
QByteArray doc30(const QByteArray &body);
/// A CAEX 2.15 document (no namespace) whose body starts on line 3.
QByteArray doc215(const QByteArray &body);
/// open repeated levels times, then close as often.
QByteArray nested(const QByteArray &open, const QByteArray &close, int levels);
/// The classic exponential entity expansion, in a CAEX document.
QByteArray billionLaughs();
/// The same document in UTF-16LE with a byte order mark.
QByteArray utf16LittleEndianWithBom(const QByteArray &utf8);

/// A string literal as bytes, embedded NUL bytes included.
template<size_t N> QByteArray bytes(const char (&text)[N])
{
    return QByteArray(text, qsizetype(N - 1));
}

/// The QTest table of malformed and hostile inputs: input, error (a fragment of the expected
/// message; empty when reading must succeed), line and column of the error, and on success
/// the number of InternalElements read.
void defineHostileInputTable();
/// The QTest table of sloppy but readable inputs: input, warning fragment, its line and column.
void defineLenientTable();

/// A CAEX 3.0 document using every element and attribute the model knows.
QByteArray fullCaex30Document();
/// A CAEX 2.15 document with the 2.15 specifics (WriterHeader, MappingObject in the element,
/// InterfaceNameMapping).
QByteArray fullCaex215Document();

/// InternalElements in all instance hierarchies, nested ones included.
qsizetype countInstances(const dt::model::CaexFile &file);
/// How many of each CAEX element the model holds, keyed by element name, counted the way
/// the corpus' INDEX.tsv counts them (every occurrence in the document).
QMap<QString, qint64> countModelElements(const dt::model::CaexFile &file);

bool hasWarning(
    const dt::model::Diagnostics &diagnostics, const QString &fragment, qint64 line, qint64 column);
QString listDiagnostics(const dt::model::Diagnostics &diagnostics);

} // namespace dt::test::reader
