#pragma once

#include "Command.h"

#include <functional>
#include <memory>
#include <vector>

class CommandRegistry
{
public:
    using Factory = std::function<std::unique_ptr<Command>()>;
    static bool add(Factory factory);
    static std::vector<std::unique_ptr<Command>> all(); // sorted by name
    static std::unique_ptr<Command> find(const QString &name);
};

// Put in a command's .cpp file: registers the command at start-up.
#define CASECTL_REGISTER_COMMAND(Class) \
    namespace { const bool registered_##Class = CommandRegistry::add([] { return std::make_unique<Class>(); }); }
