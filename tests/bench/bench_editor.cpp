// SPDX-License-Identifier: GPL-3.0-or-later
// bench_editor: the editor's hot paths on a generated plant, each beside a baseline measured in
// the same run (ARCHITECTURE.md §11; issue 3 goals):
//   open    read + key index + item model + QTreeView showing the first rows (goal <= 1.5 s),
//           against a raw QXmlStreamReader scan of the same file;
//   filter  the hierarchy name filter over every element (goal <= 100 ms), against a plain loop
//           over the same names;
//   instantiate / undo  a SystemUnitClass with 1,000 nested elements into the open model, with the
//           view attached (goal <= 50 ms each), against a deep copy of the same class.
// Informational: the exit code says whether the benchmark ran, never whether a goal was met.
//
//   bench_editor [--elements N] [--repeat N] [--instantiate-repeat N] [--clock wall|cpu]
#include "stopwatch.h"
#include "xmlbaseline.h"

#include "commands/instantiateclass.h"
#include "document/amldocument.h"
#include "models/hierarchyfiltermodel.h"
#include "models/hierarchymodel.h"

#include "model/caexwriter.h"
#include "model/generator.h"
#include "model/instantiation.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTemporaryDir>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using dt::bench::Stopwatch;
using namespace dt::editor;

namespace {

struct Figure
{
    std::vector<double> runs;
    void add(double seconds) { runs.push_back(seconds); }
    double median() const
    {
        std::vector<double> sorted = runs;
        std::sort(sorted.begin(), sorted.end());
        return sorted.empty() ? 0 : sorted[sorted.size() / 2];
    }
    double best() const { return runs.empty() ? 0 : *std::min_element(runs.begin(), runs.end()); }
};

/// Stops when the view's viewport has been painted once: the tree is on screen.
class PaintWatcher : public QObject
{
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

/// A library with one SystemUnitClass "Big": 10 groups of 99 parts (1,000 nested elements), each
/// with attributes and interfaces, parts of a group linked in a chain.
dt::model::CaexFile bigClassLibrary()
{
    using namespace dt::model;
    CaexFile file;
    file.schemaVersion = SchemaVersion::V3_0;
    file.fileName = u"BenchLib.aml"_s;
    SystemUnitClassLib &lib = file.systemUnitClassLibs.append();
    lib.name = u"BenchLib"_s;
    SystemUnitClass &big = lib.classes.append();
    big.name = u"Big"_s;
    big.id = u"bench-big"_s;
    int next = 0;
    auto id = [&next] { return u"bench-%1"_s.arg(++next); };
    auto decorate = [&](InternalElement &element) {
        element.id = id();
        for (const QString &name : { u"Speed"_s, u"Pressure"_s, u"Status"_s }) {
            Attribute &attribute = element.attributes.append();
            attribute.name = name;
            attribute.dataType = u"xs:double"_s;
            attribute.value = u"0"_s;
        }
        for (const QString &name : { u"In"_s, u"Out"_s }) {
            ExternalInterface &interface = element.interfaces.append();
            interface.name = name;
            interface.id = id();
        }
    };
    for (int g = 0; g < 10; ++g) {
        InternalElement &group = big.internalElements.append();
        group.name = u"Group%1"_s.arg(g);
        decorate(group);
        for (int p = 0; p < 99; ++p) {
            InternalElement &part = group.internalElements.append();
            part.name = u"Part%1"_s.arg(p);
            decorate(part);
            if (p > 0) {
                InternalLink &link = group.internalLinks.append();
                link.name = u"Chain%1"_s.arg(p);
                link.refPartnerSideA = group.internalElements[p - 1].interfaces[1].id;
                link.refPartnerSideB = part.interfaces[0].id;
            }
        }
    }
    return file;
}

int countElements(const dt::model::NodeList<dt::model::InternalElement> &list)
{
    int count = list.size();
    for (const auto &element : list)
        count += countElements(element.internalElements);
    return count;
}

void print(const char *name, double seconds, double baseline, const char *baselineName, double goal)
{
    std::printf("%-34s %9.1f ms   baseline %-28s %8.1f ms   ratio %6.2f   goal <= %.0f ms %s\n",
        name, seconds * 1e3, baselineName, baseline * 1e3, baseline > 0 ? seconds / baseline : 0.0,
        goal * 1e3, seconds <= goal ? "(met)" : "(MISSED)");
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int elements = 100000;
    int repeat = 5;
    int instantiateRepeat = 0; // 0: as --repeat
    const QStringList arguments = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == u"--elements")
            elements = arguments[++i].toInt();
        else if (arguments[i] == u"--repeat")
            repeat = std::max(1, arguments[++i].toInt());
        else if (arguments[i] == u"--instantiate-repeat")
            instantiateRepeat = std::max(1, arguments[++i].toInt());
        else if (arguments[i] == u"--clock")
            Stopwatch::setClock(
                arguments[++i] == u"cpu" ? Stopwatch::Clock::Cpu : Stopwatch::Clock::Wall);
    }

    QTemporaryDir dir;
    const QString modelPath = dir.filePath(u"plant.aml"_s);
    const QString libraryPath = dir.filePath(u"BenchLib.aml"_s);
    {
        dt::model::GeneratorOptions options;
        options.elements = elements;
        dt::model::CaexFile plant = dt::model::generatePlant(options);
        dt::model::ExternalReference reference;
        reference.alias = u"Bench"_s;
        reference.path = u"BenchLib.aml"_s;
        plant.externalReferences.append(reference);
        if (!dt::model::CaexWriter().writeFile(plant, modelPath)
            || !dt::model::CaexWriter().writeFile(bigClassLibrary(), libraryPath)) {
            std::fputs("cannot write the generated files\n", stderr);
            return 2;
        }
    }
    std::printf("bench_editor (%s build, %s clock): %d elements, file %.1f MB, %d runs, median "
                "shown\n\n",
        DT_BUILD_TYPE, Stopwatch::clock() == Stopwatch::Clock::Cpu ? "cpu" : "wall", elements,
        double(QFileInfo(modelPath).size()) / 1e6, repeat);

    // ---- open -----------------------------------------------------------------------------
    Figure scan, read, index, view, open;
    std::unique_ptr<AmlDocument> document;
    std::unique_ptr<HierarchyModel> model;
    std::unique_ptr<QTreeView> tree;
    for (int run = 0; run < repeat; ++run) {
        tree.reset();
        model.reset();
        document.reset();
        Stopwatch scanClock;
        const dt::bench::ScanResult scanned = dt::bench::scanXml(modelPath);
        scan.add(scanClock.seconds());
        if (!scanned.ok) {
            std::fprintf(stderr, "scan failed: %s\n", qPrintable(scanned.error));
            return 2;
        }

        Stopwatch total;
        auto file = AmlDocument::readFile(modelPath);
        if (!file) {
            std::fprintf(stderr, "read failed: %s\n", qPrintable(file.error()));
            return 2;
        }
        const double readSeconds = total.seconds();
        document = std::make_unique<AmlDocument>(file.takeValue(), modelPath);
        const double indexSeconds = total.seconds() - readSeconds;
        model = std::make_unique<HierarchyModel>();
        model->setDocument(document.get());
        tree = std::make_unique<QTreeView>();
        tree->setUniformRowHeights(true);
        PaintWatcher watcher;
        tree->viewport()->installEventFilter(&watcher);
        tree->setModel(model.get());
        tree->expand(model->index(0, 0));
        tree->resize(800, 600);
        tree->show();
        QElapsedTimer guard;
        guard.start();
        while (!watcher.painted && guard.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        const double all = total.seconds();
        tree->viewport()->removeEventFilter(&watcher);
        read.add(readSeconds);
        index.add(indexSeconds);
        view.add(all - readSeconds - indexSeconds);
        open.add(all);
    }
    std::printf("open: read %.1f ms + key index %.1f ms + model/view first paint %.1f ms\n",
        read.median() * 1e3, index.median() * 1e3, view.median() * 1e3);
    print("open until the tree is shown", open.median(), scan.median(), "raw QXmlStreamReader scan",
        1.5);

    // ---- filter ---------------------------------------------------------------------------
    HierarchyFilterModel filter;
    filter.setSourceModel(model.get());
    QTreeView filtered;
    filtered.setModel(&filter);
    filtered.resize(800, 600);
    filtered.show();
    QCoreApplication::processEvents();
    Figure loop, filtering;
    const QStringList needles { u"Valve"_s, u"7"_s, u"Motor"_s, u"x"_s, u"Pump"_s };
    int loopMatches = 0;
    for (int run = 0; run < repeat; ++run) {
        const QString needle = needles[run % needles.size()];
        Stopwatch plain;
        int matches = 0;
        std::function<void(const DocumentNode *)> walk = [&](const DocumentNode *node) {
            if (node->name().contains(needle, Qt::CaseInsensitive))
                ++matches;
            for (const DocumentNode *child : node->children)
                walk(child);
        };
        for (const DocumentNode *root : document->hierarchyNodes())
            walk(root);
        loop.add(plain.seconds());
        loopMatches += matches;

        Stopwatch timed;
        filter.setFilterText(needle);
        filtered.expandToDepth(1);
        QCoreApplication::processEvents();
        filtering.add(timed.seconds());
        if (filter.matchCount() != matches) {
            std::fprintf(stderr, "filter mismatch: %d vs %d\n", filter.matchCount(), matches);
            return 2;
        }
        filter.setFilterText(QString());
        QCoreApplication::processEvents();
    }
    print("filter names (view attached)", filtering.median(), loop.median(),
        "plain loop over names", 0.1);

    // ---- instantiate and undo -------------------------------------------------------------
    const QString classPath = u"Bench@BenchLib/Big"_s;
    auto resolved = document->resolver().systemUnitClass(classPath);
    if (!resolved) {
        std::fprintf(stderr, "class: %s\n", qPrintable(resolved.error()));
        return 2;
    }
    const auto *big = resolved->as<dt::model::SystemUnitClass>();
    const int nested = countElements(big->internalElements);
    const QString target = document->hierarchyNodes().front()->children.front()->key;
    tree->expand(model->indexForKey(target));
    Figure copy, build, insert, instantiate, undo, redo;
    if (instantiateRepeat == 0)
        instantiateRepeat = repeat;
    for (int run = 0; run < instantiateRepeat + 1; ++run) {
        Stopwatch copyClock;
        auto copied = std::make_unique<dt::model::SystemUnitClass>(*big);
        const double copySeconds = copyClock.seconds();
        copied.reset();

        Stopwatch add;
        auto command = instantiateClass(document.get(), classPath, target, 0);
        if (!command) {
            std::fprintf(stderr, "instantiate: %s\n", qPrintable(command.error()));
            return 2;
        }
        const double buildSeconds = add.seconds();
        document->undoStack()->push(command.takeValue().release());
        const double insertSeconds = add.seconds() - buildSeconds;
        QCoreApplication::processEvents();
        const double addSeconds = add.seconds();

        Stopwatch back;
        document->undoStack()->undo();
        QCoreApplication::processEvents();
        const double undoSeconds = back.seconds();

        Stopwatch again;
        document->undoStack()->redo();
        QCoreApplication::processEvents();
        const double redoSeconds = again.seconds();
        document->undoStack()->undo();
        QCoreApplication::processEvents();
        if (run == 0)
            continue; // the first run loads the library file: a one-time cost
        copy.add(copySeconds);
        build.add(buildSeconds);
        insert.add(insertSeconds);
        instantiate.add(addSeconds);
        undo.add(undoSeconds);
        redo.add(redoSeconds);
    }
    std::printf("\ninstantiate: class with %d nested elements into the %d-element model\n", nested,
        elements);
    std::printf("instantiate: building the instance (model::instantiate) %.1f ms, inserting it "
                "(document, key index, item models) %.1f ms, view update and repaint %.1f ms\n",
        build.median() * 1e3, insert.median() * 1e3,
        (instantiate.median() - build.median() - insert.median()) * 1e3);
    print("instantiate (command + view)", instantiate.median(), copy.median(),
        "deep copy of the class", 0.05);
    print("undo it", undo.median(), copy.median(), "deep copy of the class", 0.05);
    print("redo it", redo.median(), copy.median(), "deep copy of the class", 0.05);
    return 0;
}
