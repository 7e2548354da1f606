# SPDX-License-Identifier: GPL-3.0-or-later
# bench_editor: opening a 100k-element model until the tree view shows it, the hierarchy name
# filter, and instantiating / undoing a 1,000-element SystemUnitClass, each against a baseline
# measured in the same run. Links Widgets (the tree view) in the benchmark only.
if(TARGET dt_editor)
    add_executable(bench_editor bench_editor.cpp xmlbaseline.cpp)
    target_link_libraries(bench_editor PRIVATE dt::editor dt::model Qt6::Widgets)
    target_compile_definitions(bench_editor PRIVATE
        DT_BUILD_TYPE="$<IF:$<BOOL:${CMAKE_BUILD_TYPE}>,${CMAKE_BUILD_TYPE},unspecified>")
endif()
