#pragma once

#include "collectors/options/CollectorOption.h"

#include <QVariant>
#include <memory>

class QWidget;

// The field of one declared option in the Collect dialog: the widget for its
// type (checkbox, spin box, PID picker, interface list, checked capture
// filter...), holding a typed value (see CollectorOption). Made by create(),
// a registry by option type.
class CollectorOptionEditor
{
public:
    virtual ~CollectorOptionEditor();

    virtual QWidget *widget() const = 0;
    virtual QVariant value() const = 0;
    virtual void setValue(const QVariant &value) = 0;
    // Whether the only host is this machine: the PID picker and the
    // interface list can then offer what is here.
    virtual void setLocalHost(bool local) { Q_UNUSED(local); }

    const CollectorOption &option() const { return m_option; }

    static std::unique_ptr<CollectorOptionEditor> create(const CollectorOption &option, QWidget *parent);
    // The option's label and help in the UI language.
    static QString label(const CollectorOption &option);
    static QString help(const CollectorOption &option);

protected:
    explicit CollectorOptionEditor(const CollectorOption &option) : m_option(option) {}

private:
    CollectorOption m_option;
};
