// SPDX-License-Identifier: GPL-3.0-or-later
// The validator runs its checks (structure, references, digital-twin semantics) over one walk
// of the document, so a million-element model validates in one linear pass.
#include "validator.h"

#include "dtsemanticcheck.h"
#include "duplicateidcheck.h"
#include "modelwalker.h"
#include "referencecheck.h"
#include "structurecheck.h"
#include "validationcontext.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace dt::model {

Diagnostics Validator::validate(const CaexFile &file, Resolver &resolver,
    const SourceMap *positions, const QString &fileName) const
{
    ValidationContext context(file, resolver, positions, fileName);
    StructureCheck structure(context);
    DuplicateIdCheck ids(context);
    ReferenceCheck references(context);
    DtSemanticCheck semantics(context);

    structure.checkDocument();
    ModelWalker({ &structure, &ids, &references, &semantics }).walk(file);
    ids.finish();
    references.finish();

    Diagnostics diagnostics = context.takeDiagnostics();
    // Document order reads best; problems without a position keep their walk order at the end.
    auto key = [](const Diagnostic &d) {
        return d.position.line > 0 ? std::pair(d.position.line, d.position.column)
                                   : std::pair(std::numeric_limits<qint64>::max(), qint64(0));
    };
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
        [&key](const Diagnostic &a, const Diagnostic &b) { return key(a) < key(b); });
    return diagnostics;
}

} // namespace dt::model
