# SPDX-License-Identifier: GPL-3.0-or-later
# dt::editor — the widget-free editor: AmlDocument (model + undo stack + key index), the undo
# commands (one file per family) and the item models. Qt Core, Gui (QUndoStack, QIcon) and
# Concurrent (the problems model validates off the GUI thread); never Widgets.
add_library(dt_editor STATIC
    document/amldocument.h
    document/amldocument.cpp
    document/documentindexing.cpp
    document/documentnode.h
    document/documentnode.cpp
    document/ownerref.h
    document/ownerref.cpp
    commands/addremoveattribute.h
    commands/addremoveattribute.cpp
    commands/addremoveelement.h
    commands/addremoveelement.cpp
    commands/addremoveinterface.h
    commands/addremoveinterface.cpp
    commands/addremovelink.h
    commands/addremovelink.cpp
    commands/changeattribute.h
    commands/changeattribute.cpp
    commands/changeelement.h
    commands/changeelement.cpp
    commands/changevalue.h
    commands/commandtext.h
    commands/importlibrary.h
    commands/importlibrary.cpp
    commands/instantiateclass.h
    commands/instantiateclass.cpp
    commands/moveelement.h
    commands/moveelement.cpp
    commands/pasteelements.h
    commands/pasteelements.cpp
    commands/setrole.h
    commands/setrole.cpp
    models/attributemodel.h
    models/attributemodel.cpp
    models/hierarchyfiltermodel.h
    models/hierarchyfiltermodel.cpp
    models/hierarchymodel.h
    models/hierarchymodel.cpp
    models/interfacemodel.h
    models/interfacemodel.cpp
    models/librarymodel.h
    models/librarymodel.cpp
    models/linkmodel.h
    models/linkmodel.cpp
    models/mimetypes.h
    models/problemsmodel.h
    models/problemsmodel.cpp
)
add_library(dt::editor ALIAS dt_editor)
target_include_directories(dt_editor PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(dt_editor PUBLIC dt::model dt::runtime_common Qt6::Core Qt6::Gui
                                PRIVATE Qt6::Concurrent)
# Where a workbench run from the build tree finds resources/libraries (see defaultLibraryDir()).
target_compile_definitions(dt_editor PRIVATE DT_SOURCE_LIBRARY_DIR="${CMAKE_SOURCE_DIR}/resources/libraries")
