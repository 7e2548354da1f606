// SPDX-License-Identifier: GPL-3.0-or-later
// dt-workbench: the editor window. Everything is composed in MainWindow.
#include "mainwindow.h"
#include "workbenchoptions.h"

#include "widgets/elementactions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"DT Workbench"_s);
    QApplication::setApplicationName(u"dt-workbench"_s);
    QApplication::setApplicationDisplayName(u"DT Workbench"_s);
    QApplication::setApplicationVersion(QStringLiteral(DT_VERSION));

    QCommandLineParser parser;
    dt::workbench::WorkbenchOptions::addTo(parser);
    parser.process(app);
    QString error;
    const auto options = dt::workbench::WorkbenchOptions::from(parser, &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "dt-workbench: %s\n", qPrintable(error));
        return 2;
    }

    dt::workbench::MainWindow window(options);
    window.show();
    QTimer::singleShot(0, &window, [&window]() {
        window.startUp();
        // Test hook (tests/editor/tst_recovery): DT_TEST_EDIT=NAME adds a child element NAME
        // the way "New Child Element" does, so a test can kill a workbench that holds unsaved
        // changes. Not a user feature.
        const QString testEdit = qEnvironmentVariable("DT_TEST_EDIT");
        if (!testEdit.isEmpty())
            window.elementActions()->newChildElement(testEdit);
    });
    return app.exec();
}
