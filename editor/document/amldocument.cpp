// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/amldocument.h"

#include "model/caexpath.h"
#include "model/caexreader.h"
#include "model/caexwriter.h"
#include "model/conversion.h"
#include "model/instantiation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace dt::editor {

namespace {

/// A read-only view of a file that reports progress and stops delivering data when cancelled
/// (the XML reader then fails, and readFile() reports the cancellation instead).
class ProgressDevice : public QIODevice
{
public:
    ProgressDevice(QFile *file, const std::atomic_bool *cancel, std::function<void(int)> progress)
        : m_file(file)
        , m_cancel(cancel)
        , m_progress(std::move(progress))
        , m_size(std::max<qint64>(1, file->size()))
    {
    }

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_file->size(); }
    bool seek(qint64 pos) override { return QIODevice::seek(pos) && m_file->seek(pos); }
    bool cancelled() const { return m_cancel && m_cancel->load(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (cancelled())
            return -1;
        const qint64 n = m_file->read(data, maxSize);
        if (n > 0 && m_progress) {
            const int percent = int(m_file->pos() * 100 / m_size);
            if (percent != m_lastPercent) {
                m_lastPercent = percent;
                m_progress(percent);
            }
        }
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile *m_file;
    const std::atomic_bool *m_cancel;
    std::function<void(int)> m_progress;
    qint64 m_size;
    int m_lastPercent = -1;
};

/// Passes writes on to the target until cancel is set, then fails them: the writer stops
/// producing output and writeSave() discards the unfinished file.
class CancellableWriteDevice : public QIODevice
{
public:
    CancellableWriteDevice(QIODevice *target, const std::atomic_bool *cancel)
        : m_target(target)
        , m_cancel(cancel)
    {
    }

    bool isSequential() const override { return true; }
    bool cancelled() const { return m_cancel && m_cancel->load(); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        if (cancelled()) {
            setErrorString(AmlDocument::tr("cancelled"));
            return -1;
        }
        const qint64 written = m_target->write(data, size);
        if (written < 0)
            setErrorString(m_target->errorString());
        return written;
    }

private:
    QIODevice *m_target;
    const std::atomic_bool *m_cancel;
};

QString absoluteReference(const QString &baseDirectory, const QString &path)
{
    if (path.contains(u"://"_s) || path.startsWith(u"file:"_s, Qt::CaseInsensitive))
        return QString();
    QString local = path;
    local.replace(u'\\', u'/');
    if (QDir::isAbsolutePath(local))
        return QDir::cleanPath(local);
    if (baseDirectory.isEmpty())
        return QString();
    return QDir::cleanPath(QDir(baseDirectory).absoluteFilePath(local));
}

} // namespace

QList<AmlDocument::LibraryReference> AmlDocument::standardLibraries()
{
    return {
        { u"AMLBaseRCL"_s, u"AutomationMLBaseRoleClassLib.aml"_s },
        { u"AMLBaseICL"_s, u"AutomationMLInterfaceClassLib.aml"_s },
        { u"AMLBaseATL"_s, u"AutomationMLBaseAttributeTypeLib.aml"_s },
        { u"DTRoles"_s, u"DigitalTwinRoleClassLib.aml"_s },
        { u"DTInterfaces"_s, u"DigitalTwinInterfaceClassLib.aml"_s },
        { u"DTComponents"_s, u"DigitalTwinComponentLib.aml"_s },
        { u"DTValves"_s, u"ValveLib.aml"_s },
    };
}

AmlDocument::AmlDocument(std::unique_ptr<model::CaexFile> file, const QString &fileName,
    const QString &baseDirectory, QObject *parent)
    : QObject(parent)
    , m_file(file ? std::move(file) : std::make_unique<model::CaexFile>())
    , m_fileName(fileName)
    , m_instanceId(QUuid::createUuid())
    , m_undoStack(new QUndoStack(this))
{
    m_baseDirectory = baseDirectory;
    if (m_baseDirectory.isEmpty() && !fileName.isEmpty())
        m_baseDirectory = QFileInfo(fileName).absolutePath();
    m_resolver = std::make_unique<model::Resolver>(*m_file, m_baseDirectory);
    buildIndex();
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
        [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

AmlDocument::~AmlDocument()
{
    Q_EMIT aboutToBeDestroyed();
    // Commands may own detached model nodes and refer to this document: drop them first.
    m_undoStack->clear();
    for (DocumentNode *root : m_hierarchies)
        deleteTree(root);
    for (DocumentNode *root : m_libraries)
        deleteTree(root);
}

std::unique_ptr<AmlDocument> AmlDocument::createNew(const QString &libraryDir)
{
    auto file = std::make_unique<model::CaexFile>();
    file->schemaVersion = model::SchemaVersion::V3_0;
    file->superiorStandardVersions << u"AutomationML 2.10"_s;
    for (const LibraryReference &library : standardLibraries()) {
        model::ExternalReference reference;
        reference.alias = library.alias;
        reference.path = library.fileName;
        file->externalReferences.append(reference);
    }
    model::InstanceHierarchy &hierarchy = file->instanceHierarchies.append();
    hierarchy.name = u"Plant"_s;
    hierarchy.id = model::defaultIdGenerator()();
    // The library folder is the base until the first save rebases the references.
    return std::make_unique<AmlDocument>(
        std::move(file), QString(), QDir(libraryDir).absolutePath());
}

QString AmlDocument::defaultLibraryDir()
{
    QStringList candidates;
    const QString fromEnv = qEnvironmentVariable("DT_LIBRARY_DIR");
    if (!fromEnv.isEmpty())
        candidates << fromEnv;
    if (QCoreApplication::instance()) {
        const QString app = QCoreApplication::applicationDirPath();
        candidates << app + u"/../share/dt-workbench/libraries"_s << app + u"/libraries"_s;
    }
#ifdef DT_SOURCE_LIBRARY_DIR
    candidates << QStringLiteral(DT_SOURCE_LIBRARY_DIR);
#endif
    for (const QString &dir : std::as_const(candidates))
        if (QFileInfo::exists(dir + u"/DigitalTwinComponentLib.aml"_s))
            return QDir(dir).absolutePath();
    return QString();
}

Result<std::unique_ptr<model::CaexFile>> AmlDocument::readFile(
    const QString &fileName, const std::atomic_bool *cancel, std::function<void(int)> progress)
{
    using R = Result<std::unique_ptr<model::CaexFile>>;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(AmlDocument::tr("%1: cannot open: %2").arg(fileName, file.errorString()));
    ProgressDevice device(&file, cancel, std::move(progress));
    device.open(QIODevice::ReadOnly);
    model::CaexReader reader;
    Result<model::CaexFile> read = reader.read(&device, fileName);
    if (device.cancelled())
        return R::failure(AmlDocument::tr("cancelled"));
    if (!read)
        return R::failure(read.error());
    return std::make_unique<model::CaexFile>(read.takeValue());
}

Result<std::unique_ptr<AmlDocument>> AmlDocument::open(const QString &fileName)
{
    Result<std::unique_ptr<model::CaexFile>> read = readFile(fileName);
    if (!read)
        return Result<std::unique_ptr<AmlDocument>>::failure(read.error());
    return std::make_unique<AmlDocument>(read.takeValue(), QFileInfo(fileName).absoluteFilePath());
}

Result<void> AmlDocument::save(const QString &fileName, model::SchemaVersion version)
{
    const SavePlan plan = prepareSave(fileName, version);
    const Result<void> written = writeSave(plan);
    if (written)
        finishSave(plan);
    return written;
}

AmlDocument::SavePlan AmlDocument::prepareSave(
    const QString &fileName, model::SchemaVersion version) const
{
    SavePlan plan;
    const QFileInfo info(fileName);
    plan.fileName = info.absoluteFilePath();
    plan.version = version;
    // A deep copy: the worker writes it while the document stays the GUI thread's alone.
    auto copy = std::make_shared<model::CaexFile>(*m_file);
    rebaseReferences(copy->externalReferences, m_baseDirectory, info.absolutePath());
    model::ensureSourceDocumentInformation(*copy);
    copy->fileName = info.fileName();
    plan.snapshot = std::move(copy);
    plan.undoIndex = m_undoStack->index();
    plan.undoTop = plan.undoIndex > 0 ? m_undoStack->command(plan.undoIndex - 1) : nullptr;
    return plan;
}

Result<void> AmlDocument::writeSave(const SavePlan &plan, const std::atomic_bool *cancel)
{
    if (!plan.snapshot)
        return Result<void>::failure(tr("There is no document to save."));
    QSaveFile file(plan.fileName);
    if (!file.open(QIODevice::WriteOnly))
        return Result<void>::failure(
            tr("%1: cannot write: %2").arg(plan.fileName, file.errorString()));
    CancellableWriteDevice device(&file, cancel);
    device.open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    model::CaexWriter::Options options;
    options.version = plan.version;
    const Result<void> written = model::CaexWriter(options).write(*plan.snapshot, &device);
    // The target stays untouched unless everything was written and nobody cancelled.
    if (device.cancelled()) {
        file.cancelWriting();
        return Result<void>::failure(tr("Saving was cancelled."));
    }
    if (!written) {
        file.cancelWriting();
        return Result<void>::failure(u"%1: %2"_s.arg(plan.fileName, written.error()));
    }
    if (!file.commit())
        return Result<void>::failure(
            tr("%1: cannot write: %2").arg(plan.fileName, file.errorString()));
    return {};
}

void AmlDocument::finishSave(const SavePlan &plan)
{
    const QFileInfo info(plan.fileName);
    // Not undoable on purpose: file metadata that every save refreshes, not an edit. Taken
    // from the snapshot so that the document holds exactly what was written.
    if (m_file->sourceDocumentInformation.isEmpty())
        m_file->sourceDocumentInformation = plan.snapshot->sourceDocumentInformation;
    m_file->fileName = info.fileName();
    if (info.absolutePath() != m_baseDirectory)
        rebase(info.absolutePath());
    if (plan.fileName != m_fileName) {
        m_fileName = plan.fileName;
        Q_EMIT fileNameChanged(m_fileName);
    }
    const int index = m_undoStack->index();
    const QUndoCommand *top = index > 0 ? m_undoStack->command(index - 1) : nullptr;
    if (index == plan.undoIndex && top == plan.undoTop)
        m_undoStack->setClean();
    else
        m_undoStack->resetClean(); // edited during the write: the file holds an earlier state
}

void AmlDocument::rebaseReferences(QList<model::ExternalReference> &references,
    const QString &oldBaseDirectory, const QString &newBaseDirectory)
{
    // Relative ExternalReference paths must keep naming the same files from the new folder.
    if (oldBaseDirectory == newBaseDirectory)
        return;
    for (model::ExternalReference &reference : references) {
        const QString absolute = absoluteReference(oldBaseDirectory, reference.path);
        if (!absolute.isEmpty() && !QDir::isAbsolutePath(reference.path))
            reference.path = QDir(newBaseDirectory).relativeFilePath(absolute);
    }
}

void AmlDocument::rebase(const QString &newBaseDirectory)
{
    rebaseReferences(m_file->externalReferences, m_baseDirectory, newBaseDirectory);
    m_baseDirectory = newBaseDirectory;
    m_resolver = std::make_unique<model::Resolver>(*m_file, m_baseDirectory);
    Q_EMIT librariesChanged();
}

bool AmlDocument::isModified() const
{
    return !m_undoStack->isClean();
}

model::Resolver &AmlDocument::resolver()
{
    return *m_resolver;
}

void AmlDocument::structureChanged()
{
    // The resolver's index views the model's strings: drop it now, it is rebuilt on next use.
    m_resolver->invalidate();
}

// ---- lookup -------------------------------------------------------------------------------

DocumentNode *AmlDocument::node(const QString &key) const
{
    return m_nodes.value(key);
}

model::InternalElement *AmlDocument::element(const QString &key) const
{
    const DocumentNode *found = node(key);
    return found ? found->element() : nullptr;
}

model::InstanceHierarchy *AmlDocument::hierarchy(const QString &key) const
{
    const DocumentNode *found = node(key);
    return found ? found->hierarchy() : nullptr;
}

QString AmlDocument::parentKey(const QString &key) const
{
    const DocumentNode *found = node(key);
    return found && found->parent ? found->parent->key : QString();
}

QString AmlDocument::path(const QString &key) const
{
    QStringList segments;
    for (const DocumentNode *at = node(key); at; at = at->parent)
        segments.prepend(at->name());
    return model::CaexPath::join(segments);
}

QString AmlDocument::keyForIdOrPath(const QString &idOrPath) const
{
    if (idOrPath.isEmpty())
        return QString();
    if (m_nodes.contains(idOrPath))
        return idOrPath;
    QString path = idOrPath;
    // An ID that is not a key (an interface, an attribute, a duplicate): use its owner's path.
    const model::ElementRef byId = m_resolver->findById(idOrPath);
    if (byId.isValid())
        path = byId.path;
    const QStringList segments = model::CaexPath::parse(path).segments;
    if (segments.isEmpty())
        return QString();
    // Walk down as far as the names match: the deepest keyed node is the one to show.
    const std::vector<DocumentNode *> *level = &m_hierarchies;
    DocumentNode *found = nullptr;
    for (const QString &segment : segments) {
        DocumentNode *next = nullptr;
        for (DocumentNode *candidate : *level)
            if (candidate->name() == segment) {
                next = candidate;
                break;
            }
        if (!next && !found) {
            for (DocumentNode *library : m_libraries)
                if (library->name() == segment) {
                    next = library;
                    break;
                }
        }
        if (!next)
            break;
        found = next;
        level = &found->children;
    }
    return found ? found->key : QString();
}

model::SystemUnitClassType *AmlDocument::unitOf(const QString &key) const
{
    DocumentNode *found = node(key);
    if (!found)
        return nullptr;
    if (found->kind == model::ElementKind::InternalElement)
        return static_cast<model::InternalElement *>(found->object);
    if (found->kind == model::ElementKind::SystemUnitClass)
        return static_cast<model::SystemUnitClass *>(found->object);
    return nullptr;
}

model::NodeList<model::ExternalInterface> *AmlDocument::interfaces(const OwnerRef &owner) const
{
    if (owner.isInterface()) {
        model::ExternalInterface *interface = this->interface(owner);
        return interface ? &interface->interfaces : nullptr;
    }
    DocumentNode *found = node(owner.key);
    if (!found)
        return nullptr;
    using model::ElementKind;
    switch (found->kind) {
    case ElementKind::InternalElement:
    case ElementKind::SystemUnitClass:
        return &unitOf(owner.key)->interfaces;
    case ElementKind::RoleClass:
        return &static_cast<model::RoleClass *>(found->object)->interfaces;
    case ElementKind::InterfaceClass:
        return &static_cast<model::InterfaceClass *>(found->object)->interfaces;
    default:
        return nullptr;
    }
}

model::ExternalInterface *AmlDocument::interface(const OwnerRef &owner) const
{
    if (!owner.isInterface())
        return nullptr;
    model::NodeList<model::ExternalInterface> *list = interfaces(OwnerRef { owner.key, {} });
    model::ExternalInterface *found = nullptr;
    for (const QString &name : owner.interfacePath) {
        if (!list)
            return nullptr;
        found = model::findInterface(*list, name);
        if (!found)
            return nullptr;
        list = &found->interfaces;
    }
    return found;
}

model::NodeList<model::Attribute> *AmlDocument::attributes(const OwnerRef &owner) const
{
    if (owner.isInterface()) {
        model::ExternalInterface *interface = this->interface(owner);
        return interface ? &interface->attributes : nullptr;
    }
    DocumentNode *found = node(owner.key);
    if (!found)
        return nullptr;
    using model::ElementKind;
    switch (found->kind) {
    case ElementKind::InternalElement:
    case ElementKind::SystemUnitClass:
        return &unitOf(owner.key)->attributes;
    case ElementKind::RoleClass:
        return &static_cast<model::RoleClass *>(found->object)->attributes;
    case ElementKind::InterfaceClass:
        return &static_cast<model::InterfaceClass *>(found->object)->attributes;
    case ElementKind::AttributeType:
        return &static_cast<model::AttributeType *>(found->object)->attributes;
    default:
        return nullptr;
    }
}

model::Attribute *AmlDocument::attribute(const AttributeRef &ref) const
{
    model::NodeList<model::Attribute> *list = attributes(ref.owner);
    model::Attribute *found = nullptr;
    for (const QString &name : ref.path) {
        if (!list)
            return nullptr;
        found = model::findAttribute(*list, name);
        if (!found)
            return nullptr;
        list = &found->attributes;
    }
    return found;
}

// ---- notifications ------------------------------------------------------------------------

void AmlDocument::notifyElementChanged(const QString &key)
{
    // Names are indexed by the resolver (as views of the model's strings).
    m_resolver->invalidate();
    Q_EMIT elementChanged(key);
    Q_EMIT contentChanged();
}

void AmlDocument::notifyAttributeChanged(const OwnerRef &owner, const QStringList &path)
{
    Q_EMIT attributeChanged(owner.toString(), path);
    Q_EMIT contentChanged();
}

void AmlDocument::notifyAttributesChanged(const OwnerRef &owner)
{
    m_resolver->invalidate();
    Q_EMIT attributesChanged(owner.toString());
    Q_EMIT contentChanged();
}

void AmlDocument::notifyInterfacesChanged(const OwnerRef &owner)
{
    m_resolver->invalidate();
    Q_EMIT interfacesChanged(owner.toString());
    Q_EMIT contentChanged();
}

void AmlDocument::notifyLinksChanged()
{
    m_resolver->invalidate();
    Q_EMIT linksChanged();
    Q_EMIT contentChanged();
}

void AmlDocument::notifyLibrariesChanged()
{
    m_resolver->invalidate();
    Q_EMIT librariesChanged();
    Q_EMIT contentChanged();
}

void AmlDocument::beginInsertAttribute(
    const OwnerRef &owner, const QStringList &parentPath, int row)
{
    Q_EMIT attributeAboutToBeAdded(owner.toString(), parentPath, row);
}

void AmlDocument::endInsertAttribute(const OwnerRef &owner, const QStringList &parentPath, int row)
{
    m_resolver->invalidate();
    Q_EMIT attributeAdded(owner.toString(), parentPath, row);
    Q_EMIT contentChanged();
}

void AmlDocument::beginRemoveAttribute(
    const OwnerRef &owner, const QStringList &parentPath, int row)
{
    Q_EMIT attributeAboutToBeRemoved(owner.toString(), parentPath, row);
}

void AmlDocument::endRemoveAttribute(const OwnerRef &owner, const QStringList &parentPath, int row)
{
    m_resolver->invalidate();
    Q_EMIT attributeRemoved(owner.toString(), parentPath, row);
    Q_EMIT contentChanged();
}

} // namespace dt::editor
