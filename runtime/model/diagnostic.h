// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace dt::model {

enum class Severity : quint8 { Info, Warning, Error };

QString severityName(Severity severity); // "info" / "warning" / "error"

/// A position in a source file; 0 when unknown.
struct SourcePosition
{
    qint64 line = 0;
    qint64 column = 0;
};

/// One problem found while reading or validating a model.
struct Diagnostic
{
    Severity severity = Severity::Error;
    QString message;
    QString file;
    SourcePosition position;
    /// The CAEX ID (or, without one, the path) of the element concerned; may be empty.
    QString elementId;

    /// "file:line:col: severity: message" (positions omitted when unknown).
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

} // namespace dt::model
