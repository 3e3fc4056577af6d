from sitegen.launch import run

run()
