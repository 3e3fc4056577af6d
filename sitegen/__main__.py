from sitegen.commands.launch import run

run()
