// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deployoptions.h"
#include "deployreport.h"
#include "twinplan.h"

#include "model/caexfile.h"

#include <memory>

namespace dt::runtime {

/// The outcome of planning a deploy: the runtime's own copy of the model, one plan per twin and
/// the report. Nothing has been started; when report.ok() is false nothing may be.
struct DeployPlan
{
    std::unique_ptr<model::CaexFile> file;
    QString fileName;
    QList<TwinPlan> twins;
    DeployReport report;
};

/// Deploy, first half: read, validate (model::Validator; its errors stop the deploy) and build a
/// plan per DigitalTwin element with every runtime check (components by class and role, register
/// maps, InternalLinks between ModbusVariable and AttributeInterface, attributes they name,
/// storage, events, methods, access control). Pure computation on the calling thread; all
/// problems are collected, not just the first.
DeployPlan planDeploy(const QString &amlFile, const DeployOptions &options);

/// The same for a model already in memory (e.g. the workbench's document, copied); fileName
/// locates relative ExternalReferences and storage files.
DeployPlan planDeploy(model::CaexFile file, const QString &fileName, const DeployOptions &options);

} // namespace dt::runtime
