// SPDX-License-Identifier: GPL-3.0-or-later
// dt-aml: the AutomationML command line (info, validate, convert, dump, query, generate).
#include "command.h"

#include <QCoreApplication>

#include <exception>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"dt-aml"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(DT_VERSION));
    try {
        return dt::aml::dispatch(QCoreApplication::arguments());
    } catch (const std::exception &e) {
        // Out of memory on a huge input must still end with a message, not a crash.
        dt::aml::printError(
            dt::aml::tr("internal error: %1").arg(QString::fromLocal8Bit(e.what())));
        return dt::aml::ExitUnusable;
    }
}
