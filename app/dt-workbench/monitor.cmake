# SPDX-License-Identifier: GPL-3.0-or-later
# The runtime in the workbench (issue 4): MonitorController and its parts, added to the window's
# library. Included by CMakeLists.txt after the translation sources are collected, so that the
# viewers' strings are translated with the window's.
if(NOT TARGET dt_viewers)
    message(FATAL_ERROR "dt-workbench needs dt::viewers (viewers/) and dt::runtime_client")
endif()

target_sources(dt_workbench_app PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/devicestatuswidget.h
    ${CMAKE_CURRENT_LIST_DIR}/livevaluetracker.h
    ${CMAKE_CURRENT_LIST_DIR}/localdeployer.h
    ${CMAKE_CURRENT_LIST_DIR}/monitorcontroller.h
    ${CMAKE_CURRENT_LIST_DIR}/qualitydelegate.h
    ${CMAKE_CURRENT_LIST_DIR}/runfile.h
    ${CMAKE_CURRENT_LIST_DIR}/simulatorlauncher.h
    ${CMAKE_CURRENT_LIST_DIR}/devicestatuswidget.cpp
    ${CMAKE_CURRENT_LIST_DIR}/livevaluetracker.cpp
    ${CMAKE_CURRENT_LIST_DIR}/localdeployer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/monitorcontroller.cpp
    ${CMAKE_CURRENT_LIST_DIR}/qualitydelegate.cpp
    ${CMAKE_CURRENT_LIST_DIR}/runfile.cpp
    ${CMAKE_CURRENT_LIST_DIR}/simulatorlauncher.cpp
)
target_link_libraries(dt_workbench_app PUBLIC dt::runtime_client dt::viewers)

file(GLOB _dt_viewer_tr_sources CONFIGURE_DEPENDS
    ${CMAKE_SOURCE_DIR}/viewers/*/*.cpp ${CMAKE_SOURCE_DIR}/viewers/*/*.h)
list(APPEND _dt_tr_sources ${_dt_viewer_tr_sources})
