#pragma once

#include "WorkbenchPane.h"

#include <QPointer>
#include <QWidget>
#include <functional>

// A WorkbenchPane for a pane widget that does not implement the interface
// itself (panes owned by other areas): its info and a show function.
class WorkbenchPaneAdapter : public WorkbenchPane
{
public:
    using Show = std::function<bool(const ResolvedLink &)>;
    WorkbenchPaneAdapter(QWidget *widget, Info info, Show show = {}) : m_widget(widget), m_info(std::move(info)), m_show(std::move(show)) {}
    QWidget *paneWidget() override { return m_widget; }
    Info paneInfo() const override { return m_info; }
    bool showLink(const ResolvedLink &link) override { return m_show && m_show(link); }

private:
    QPointer<QWidget> m_widget;
    Info m_info;
    Show m_show;
};
