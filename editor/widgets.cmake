# SPDX-License-Identifier: GPL-3.0-or-later
# dt::editor_widgets: the Qt Widgets face of the editor (docks, delegates, dialogs, the recovery
# manager). The only part of editor/ that links QtWidgets. Included by editor/CMakeLists.txt.
if(NOT TARGET dt_editor)
    message(STATUS "dt::editor is not there yet: dt::editor_widgets skipped")
    return()
endif()

find_package(Qt6 REQUIRED COMPONENTS Widgets Concurrent)

set(_dt_widgets_dir ${CMAKE_CURRENT_LIST_DIR}/widgets)
add_library(dt_editor_widgets STATIC
    ${_dt_widgets_dir}/attributedelegate.h
    ${_dt_widgets_dir}/attributesdock.h
    ${_dt_widgets_dir}/classpickerdialog.h
    ${_dt_widgets_dir}/documentcontroller.h
    ${_dt_widgets_dir}/documentio.h
    ${_dt_widgets_dir}/elementactions.h
    ${_dt_widgets_dir}/elementdetailswidget.h
    ${_dt_widgets_dir}/finddock.h
    ${_dt_widgets_dir}/hierarchydock.h
    ${_dt_widgets_dir}/icons.h
    ${_dt_widgets_dir}/interfacesdock.h
    ${_dt_widgets_dir}/languagemanager.h
    ${_dt_widgets_dir}/librariesdock.h
    ${_dt_widgets_dir}/linkpartnerdialog.h
    ${_dt_widgets_dir}/preferencesdialog.h
    ${_dt_widgets_dir}/problemsdock.h
    ${_dt_widgets_dir}/recoverymanager.h
    ${_dt_widgets_dir}/undodock.h
    ${_dt_widgets_dir}/workbenchsettings.h
    ${_dt_widgets_dir}/attributedelegate.cpp
    ${_dt_widgets_dir}/attributesdock.cpp
    ${_dt_widgets_dir}/classpickerdialog.cpp
    ${_dt_widgets_dir}/documentcontroller.cpp
    ${_dt_widgets_dir}/documentio.cpp
    ${_dt_widgets_dir}/elementactions.cpp
    ${_dt_widgets_dir}/elementdetailswidget.cpp
    ${_dt_widgets_dir}/finddock.cpp
    ${_dt_widgets_dir}/hierarchydock.cpp
    ${_dt_widgets_dir}/icons.cpp
    ${_dt_widgets_dir}/interfacesdock.cpp
    ${_dt_widgets_dir}/languagemanager.cpp
    ${_dt_widgets_dir}/librariesdock.cpp
    ${_dt_widgets_dir}/linkpartnerdialog.cpp
    ${_dt_widgets_dir}/preferencesdialog.cpp
    ${_dt_widgets_dir}/problemsdock.cpp
    ${_dt_widgets_dir}/recoverymanager.cpp
    ${_dt_widgets_dir}/undodock.cpp
    ${_dt_widgets_dir}/workbenchsettings.cpp
)
add_library(dt::editor_widgets ALIAS dt_editor_widgets)
target_include_directories(dt_editor_widgets PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(dt_editor_widgets PUBLIC dt::editor Qt6::Widgets Qt6::Concurrent)

# The icons by role (resources/icons/*.svg) under :/icons; the item models of dt::editor look
# them up there too, so they travel with the widgets library that shows them.
set(_dt_icon_dir ${CMAKE_SOURCE_DIR}/resources/icons)
file(GLOB _dt_icons RELATIVE ${_dt_icon_dir} CONFIGURE_DEPENDS ${_dt_icon_dir}/*.svg)
list(TRANSFORM _dt_icons PREPEND ${_dt_icon_dir}/)
qt_add_resources(dt_editor_widgets dt_icons PREFIX /icons BASE ${_dt_icon_dir} FILES ${_dt_icons})
