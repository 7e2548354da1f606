// SPDX-License-Identifier: GPL-3.0-or-later
// Paths shared by the tests: the shared reference corpus, the source tree, the built tools.
#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>

namespace dt::test {

/// ../shared/reference (absent on machines without the shared folder: tests then skip).
inline QString referenceDir()
{
    return QDir::cleanPath(QStringLiteral(DT_SHARED_DIR "/reference"));
}
inline QString amlSamplesDir() { return referenceDir() + QStringLiteral("/aml-samples"); }
inline QString caexXsd30() { return referenceDir() + QStringLiteral("/caex/CAEX_ClassModel_V.3.0.xsd"); }
inline QString caexXsd215() { return referenceDir() + QStringLiteral("/caex/CAEX_ClassModel_V2.15.xsd"); }
inline QString sourceDir() { return QStringLiteral(DT_SOURCE_DIR); }
inline QString testDataDir() { return QStringLiteral(DT_TEST_DATA_DIR); }
inline QString dtAmlBinary() { return QStringLiteral(DT_BINARY_DIR "/app/dt-aml/dt-aml"); }
inline QString dtValvesimBinary() { return QStringLiteral(DT_BINARY_DIR "/app/dt-valvesim/dt-valvesim"); }
inline QString dtRuntimeBinary() { return QStringLiteral(DT_BINARY_DIR "/app/dt-runtime/dt-runtime"); }
inline QString dtWorkbenchBinary()
{
    return QStringLiteral(DT_BINARY_DIR "/app/dt-workbench/dt-workbench");
}
/// resources/examples/<name> in the source tree.
inline QString exampleFile(const QString &name)
{
    return sourceDir() + QStringLiteral("/resources/examples/") + name;
}

} // namespace dt::test
